using System.Net;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Hotfix;

/// <summary>The branch steps of a hotfix, each a no-op when a previous run already did it.</summary>
internal sealed class HotfixBranch(IGitLabClient gitlab, RepositoryReader reader)
{
    /// <summary>The branch that feeds the case's environment when it exists, else the default branch.</summary>
    public async Task<string> DeployedBranchAsync(long projectId, RepositoryContext repository, string? environment, CancellationToken cancellationToken)
    {
        var candidate = environment is null ? null : repository.Policy.FindEnvironment(environment)?.Branch;
        return candidate is not null && await FindAsync(projectId, candidate, cancellationToken) is not null ? candidate : repository.DefaultBranch;
    }

    public async Task EnsureAsync(long projectId, string branch, string fromRef, CancellationToken cancellationToken)
    {
        if (await FindAsync(projectId, branch, cancellationToken) is null)
        {
            await gitlab.CreateBranchAsync(projectId, branch, fromRef, cancellationToken);
        }
    }

    /// <summary>Reverts <paramref name="sha"/> on the branch unless a revert of it is already there; the problem when GitLab refuses.</summary>
    public async Task<string?> RevertAsync(long projectId, string branch, string baseBranch, string sha, CancellationToken cancellationToken)
    {
        var compare = await gitlab.CompareAsync(projectId, baseBranch, branch, straight: false, cancellationToken);
        if (compare.Commits.Any(c => c.Message?.Contains($"This reverts commit {sha}", StringComparison.OrdinalIgnoreCase) == true))
        {
            return null;
        }

        var result = await gitlab.RevertAsync(projectId, sha, branch, dryRun: false, cancellationToken);
        return result.Status == GitLabCommitChangeStatus.Committed
            ? null
            : result.IsConflict
                ? $"reverting {sha} onto {baseBranch} conflicts with later changes ({result.Message ?? "GitLab reported a conflict"}); revert it by hand"
                : $"GitLab refused to revert {sha} onto {baseBranch}: {result.Message ?? result.ErrorCode ?? "no reason given"}";
    }

    /// <summary>Commits the files in one commit, leaving out those the branch already has with that content; nothing when all are there.</summary>
    public async Task AddFilesAsync(long projectId, string branch, IReadOnlyList<(string Path, string Content)> files, string message, CancellationToken cancellationToken)
    {
        var actions = new List<GitLabCommitAction>();
        foreach (var (path, content) in files)
        {
            var current = await reader.ReadFileAsync(projectId, path, branch, cancellationToken);
            if (!string.Equals(current, content, StringComparison.Ordinal))
            {
                actions.Add(new GitLabCommitAction { Action = current is null ? GitLabCommitActionKind.Create : GitLabCommitActionKind.Update, FilePath = path, Content = content });
            }
        }

        if (actions.Count == 0)
        {
            return;
        }

        await gitlab.CreateCommitAsync(projectId, new GitLabCommitRequest { Branch = branch, CommitMessage = message, Actions = actions }, cancellationToken);
    }

    private async Task<GitLabBranch?> FindAsync(long projectId, string name, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var branch in gitlab.ListBranchesAsync(projectId, name, cancellationToken))
            {
                if (string.Equals(branch.Name, name, StringComparison.Ordinal))
                {
                    return branch;
                }
            }
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return null;
    }
}
