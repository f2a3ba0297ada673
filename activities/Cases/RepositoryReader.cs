using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Ownership;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Activities.Cases;

/// <summary>
/// Reads a repository's policy files through the GitLab files API on the default branch. Several activities
/// need the policy; each reads it again rather than carrying it through the orchestration's history.
/// </summary>
internal sealed class RepositoryReader(IGitLabClient gitlab)
{
    public const string IgnoreFile = ".ragnarokignore";

    public async Task<RepositoryContext> LoadAsync(long projectId, CancellationToken cancellationToken)
    {
        var branch = await DefaultBranchAsync(projectId, cancellationToken);
        var yaml = await ReadFileAsync(projectId, PolicyParser.FileName, branch, cancellationToken);
        var ignore = await ReadFileAsync(projectId, IgnoreFile, branch, cancellationToken);
        CodeOwnersFile? codeOwners = null;
        foreach (var location in CodeOwnersFile.Locations)
        {
            var text = await ReadFileAsync(projectId, location, branch, cancellationToken);
            if (text is not null)
            {
                codeOwners = CodeOwnersFile.Parse(text, location);
                break;
            }
        }

        var errors = new List<PolicyError>();
        var policy = RepositoryPolicy.Default;
        if (yaml is not null)
        {
            var parsed = PolicyParser.Parse(yaml, PolicyParser.FileName);
            errors.AddRange(parsed.Errors);
            policy = parsed.IsValid && parsed.Policy is not null ? parsed.Policy : RepositoryPolicy.Default;
        }

        if (codeOwners is not null)
        {
            errors.AddRange(codeOwners.Problems);
        }

        return new RepositoryContext(branch, policy, errors, IgnoreRules.Parse(ignore), codeOwners);
    }

    public async Task<string> DefaultBranchAsync(long projectId, CancellationToken cancellationToken)
    {
        string? first = null;
        await foreach (var branch in gitlab.ListBranchesAsync(projectId, null, cancellationToken))
        {
            if (branch.Default)
            {
                return branch.Name;
            }

            first ??= branch.Name;
        }

        return first ?? "main";
    }

    /// <summary>The file's text, or null when the repository has no such file (an optional file's absence is no warning).</summary>
    public Task<string?> ReadFileAsync(long projectId, string path, string gitRef, CancellationToken cancellationToken) =>
        gitlab.FindRawFileAsync(projectId, path, gitRef, cancellationToken);
}
