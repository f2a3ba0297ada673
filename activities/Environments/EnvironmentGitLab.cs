using System.Net;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Activities.Environments;

/// <summary>
/// The reads environment operations make against GitLab, shared by the activities and the CLI. A part GitLab cannot
/// answer comes back with the reason instead of an exception, so one missing branch does not hide the others.
/// </summary>
public sealed class EnvironmentGitLab(IGitLabClient gitlab)
{
    internal const int MaxDriftFiles = 200;

    public async Task<TopologyLoad> LoadTopologyAsync(string project, CancellationToken cancellationToken)
    {
        var info = await gitlab.GetProjectAsync(project, cancellationToken).ConfigureAwait(false);
        var branch = info.DefaultBranch ?? "main";
        var envsync = await ReadOrNullAsync(project, TopologyParser.FileName, branch, cancellationToken).ConfigureAwait(false);
        var policy = envsync is null ? await ReadOrNullAsync(project, PolicyParser.FileName, branch, cancellationToken).ConfigureAwait(false) : null;
        var result = TopologyParser.Resolve(envsync, policy, branch);
        return new TopologyLoad(info.PathWithNamespace, result.Topology, [.. result.Errors.Select(e => e.ToString())]);
    }

    public async Task<BranchState> ReadBranchAsync(string project, EnvironmentBranch environment, CancellationToken cancellationToken)
    {
        CommitRef head;
        try
        {
            var branch = await gitlab.GetBranchAsync(project, environment.Branch, cancellationToken).ConfigureAwait(false);
            head = Ref(branch.Commit);
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return new BranchState(environment.Name, environment.Branch, null, null, null, $"branch {environment.Branch} not found");
        }

        var problems = new List<string>();
        PipelineSummary? pipeline = null;
        await foreach (var p in gitlab.ListPipelinesAsync(project, new GitLabPipelineQuery { Ref = environment.Branch, OrderBy = "id", Sort = "desc" }, cancellationToken).ConfigureAwait(false))
        {
            var failed = new List<string>();
            if (p.Status is "failed" or "canceled")
            {
                await foreach (var job in gitlab.ListPipelineJobsAsync(project, p.Id, [GitLabJobScope.Failed], cancellationToken).ConfigureAwait(false))
                {
                    if (job.AllowFailure != true)
                    {
                        failed.Add(job.Name);
                    }
                }
            }

            pipeline = new PipelineSummary(p.Id, p.Status, p.Sha, p.WebUrl, p.FinishedAt ?? p.UpdatedAt ?? p.CreatedAt, failed);
            break;
        }

        if (pipeline is null)
        {
            problems.Add($"no pipeline on {environment.Branch}");
        }

        DeploymentSummary? deployment = null;
        await foreach (var d in gitlab.ListDeploymentsAsync(project, new GitLabDeploymentQuery { Environment = environment.GitLabEnvironment }, cancellationToken).ConfigureAwait(false))
        {
            deployment = new DeploymentSummary(d.Id, d.Sha, d.Status ?? "unknown", d.Deployable?.FinishedAt ?? d.UpdatedAt ?? d.CreatedAt, d.Deployable?.WebUrl);
            break;
        }

        if (deployment is null)
        {
            problems.Add($"no deployment to GitLab environment {environment.GitLabEnvironment}");
        }

        return new BranchState(environment.Name, environment.Branch, head, pipeline, deployment, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    /// <summary>Commits <paramref name="from"/> has that <paramref name="to"/> lacks (ahead) and the reverse (behind).</summary>
    public async Task<ChainGap> CompareAsync(string project, EnvironmentBranch from, EnvironmentBranch to, CancellationToken cancellationToken)
    {
        try
        {
            var ahead = await gitlab.CompareAsync(project, to.Branch, from.Branch, straight: false, cancellationToken).ConfigureAwait(false);
            var behind = await gitlab.CompareAsync(project, from.Branch, to.Branch, straight: false, cancellationToken).ConfigureAwait(false);
            return new ChainGap(from.Name, to.Name, ahead.Commits.Count, behind.Commits.Count);
        }
        catch (GitLabApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound)
        {
            return new ChainGap(from.Name, to.Name, 0, 0, $"cannot compare {from.Branch} with {to.Branch}: {(int)ex.StatusCode} {ex.GitLabMessage}");
        }
    }

    /// <summary>The commits a promotion from <paramref name="from"/> to <paramref name="to"/> carries, oldest first.</summary>
    public async Task<IReadOnlyList<CommitRef>> PromotedCommitsAsync(string project, EnvironmentBranch from, EnvironmentBranch to, CancellationToken cancellationToken)
    {
        var compare = await gitlab.CompareAsync(project, to.Branch, from.Branch, straight: false, cancellationToken).ConfigureAwait(false);
        return [.. compare.Commits.Select(Ref)];
    }

    /// <summary>What <paramref name="to"/> changed on its own since it left <paramref name="from"/>, sorted into expected and unexpected drift.</summary>
    public async Task<LinkDrift> ReadDriftAsync(string project, EnvironmentBranch from, EnvironmentBranch to, DriftRules rules, CancellationToken cancellationToken)
    {
        GitLabCommit mergeBase;
        GitLabCompareResult compare;
        try
        {
            mergeBase = await gitlab.GetMergeBaseAsync(project, from.Branch, to.Branch, cancellationToken).ConfigureAwait(false);
            compare = await gitlab.CompareAsync(project, mergeBase.Id, to.Branch, straight: true, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return new LinkDrift(from.Name, to.Name, from.Branch, to.Branch, null, [], [], $"cannot compare {from.Branch} with {to.Branch}: {(int)ex.StatusCode} {ex.GitLabMessage}");
        }

        var files = new List<ChangedFile>();
        foreach (var diff in compare.Diffs.Take(MaxDriftFiles))
        {
            var change = diff.NewFile ? "added" : diff.DeletedFile ? "removed" : diff.RenamedFile ? "renamed" : "changed";
            string? before = null, after = null;
            if (ConfigKeys.IsConfigFile(diff.NewPath))
            {
                before = diff.NewFile ? null : await ReadOrNullAsync(project, diff.OldPath, mergeBase.Id, cancellationToken).ConfigureAwait(false);
                after = diff.DeletedFile ? null : await ReadOrNullAsync(project, diff.NewPath, to.Branch, cancellationToken).ConfigureAwait(false);
            }

            files.Add(new ChangedFile(diff.NewPath, diff.OldPath, change, diff.Diff, before, after,
                await LastCommitAsync(project, to.Branch, diff.DeletedFile ? diff.OldPath : diff.NewPath, cancellationToken).ConfigureAwait(false)));
        }

        var drift = DriftAnalyzer.Analyze(from, to, mergeBase.Id, files, rules);
        return compare.Diffs.Count > MaxDriftFiles
            ? drift with { Problem = $"{compare.Diffs.Count} files differ; only the first {MaxDriftFiles} were checked" }
            : drift;
    }

    private async Task<CommitRef?> LastCommitAsync(string project, string branch, string path, CancellationToken cancellationToken)
    {
        await foreach (var commit in gitlab.ListCommitsAsync(project, new GitLabCommitQuery { RefName = branch, Path = path }, cancellationToken).ConfigureAwait(false))
        {
            return Ref(commit);
        }

        return null;
    }

    private async Task<string?> ReadOrNullAsync(string project, string path, string gitRef, CancellationToken cancellationToken)
    {
        try
        {
            return await gitlab.GetRawFileAsync(project, path, gitRef, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    internal static CommitRef Ref(GitLabCommit c) => new(c.Id, c.Title, c.AuthorName, c.AuthoredDate ?? c.CreatedAt, c.WebUrl);
}
