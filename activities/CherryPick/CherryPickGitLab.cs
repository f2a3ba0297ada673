using System.Net;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.CherryPick;

namespace RagnarokOps.Activities.CherryPick;

/// <summary>
/// Cherry-picks through GitLab's API (works the same against GitLab.com, self-managed and the sandbox): reads the
/// three versions of every file a commit touches, plans the tiers, writes the picked files as one commit on a new
/// branch <c>ragnarok/cherry-pick-&lt;target&gt;-&lt;sha8&gt;</c> (created from the target, never the target itself) and
/// opens a merge request. Never force-pushes, never writes the target branch.
/// </summary>
public sealed class CherryPickGitLab(IGitLabClient gitlab, EnvironmentGitLab environments)
{
    public const string BranchPrefix = "ragnarok/cherry-pick-";
    public const string Label = "envsync::cherry-pick";

    public static string BranchName(string to, string lastSha) => $"{BranchPrefix}{to}-{Short(lastSha)}";

    public static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;

    public async Task<CherryPickPlan> PlanAsync(CherryPickRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var load = await environments.LoadTopologyAsync(request.Project, cancellationToken).ConfigureAwait(false);
        if (load.Topology is not { } topology)
        {
            return Refused(request, load.Project, [.. load.Errors]);
        }

        if (topology.Find(request.To) is not { } target)
        {
            return Refused(request, load.Project, [$"{topology.Source}: no environment '{request.To}' (known: {string.Join(", ", topology.Environments.Select(e => e.Name))})"]);
        }

        if (request.Commits.Count == 0 && request.MergeRequest is { } iid)
        {
            var (commits, problem) = await MergeRequestCommitsAsync(load.Project, iid, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return Refused(request, load.Project, [problem]);
            }

            request = request with { Commits = commits };
        }

        if (request.Commits.Count == 0)
        {
            return Refused(request, load.Project, ["name at least one commit to cherry-pick"]);
        }

        var ours = new Dictionary<string, string?>(StringComparer.Ordinal);
        var files = new Dictionary<string, FileResolution>(StringComparer.Ordinal);
        var order = new List<string>();
        var titles = new List<string>();
        var shas = new List<string>();
        foreach (var requested in request.Commits)
        {
            GitLabCommit commit;
            try
            {
                commit = await gitlab.GetCommitAsync(request.Project, requested, cancellationToken).ConfigureAwait(false);
            }
            catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                return Refused(request, load.Project, [$"commit {requested} not found in {load.Project}"]);
            }

            if (commit.ParentIds is not { Count: 1 } parents)
            {
                return Refused(request, load.Project, [$"commit {Short(commit.Id)} has {commit.ParentIds?.Count ?? 0} parents: pick the commits of a merge, not the merge itself"]);
            }

            shas.Add(commit.Id);
            titles.Add(commit.Title);
            await foreach (var diff in gitlab.GetCommitDiffAsync(request.Project, commit.Id, cancellationToken).ConfigureAwait(false))
            {
                var path = diff.NewPath;
                if (files.TryGetValue(path, out var earlier) && earlier.Tier == CherryPickTier.Manual)
                {
                    continue;
                }

                if (!ours.TryGetValue(path, out var current))
                {
                    current = await gitlab.FindRawFileAsync(request.Project, path, target.Branch, cancellationToken).ConfigureAwait(false);
                    order.Add(path);
                }

                var @base = diff.NewFile ? null : await gitlab.FindRawFileAsync(request.Project, diff.OldPath, parents[0], cancellationToken).ConfigureAwait(false);
                var source = diff.DeletedFile ? null : await gitlab.FindRawFileAsync(request.Project, path, commit.Id, cancellationToken).ConfigureAwait(false);
                var resolution = FileResolver.Resolve(path, @base, current, source, topology.Conflicts, topology.CherryPick.Threshold);
                if (earlier is not null && earlier.Tier > resolution.Tier)
                {
                    resolution = resolution with { Tier = earlier.Tier, Confidence = Math.Min(earlier.Confidence, resolution.Confidence), Reason = $"{earlier.Reason}; then {resolution.Reason}" };
                }

                files[path] = resolution;
                ours[path] = resolution.Delete ? null : resolution.Content;
            }
        }

        var touching = new List<TouchingCommit>();
        foreach (var manual in files.Values.Where(f => f.Tier == CherryPickTier.Manual))
        {
            await foreach (var c in gitlab.ListCommitsAsync(request.Project, new GitLabCommitQuery { RefName = target.Branch, Path = manual.Path }, cancellationToken).ConfigureAwait(false))
            {
                touching.Add(new TouchingCommit(manual.Path, c.Id, c.Title, c.AuthorName));
                if (touching.Count(t => t.Path == manual.Path) >= 3)
                {
                    break;
                }
            }
        }

        return new CherryPickPlan(load.Project, target.Name, target.Branch, target.Protected, BranchName(target.Name, shas[^1]), shas, titles,
            [.. order.Select(p => files[p])], topology.CherryPick.Threshold, touching, []);
    }

    /// <summary>Opens the merge request, or finds the one an earlier run opened (by branch; the commit is made once, when the branch is new).</summary>
    public async Task<CherryPickMergeRequest> OpenAsync(OpenCherryPickRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = request.Plan;
        if (!plan.Branch.StartsWith(BranchPrefix, StringComparison.Ordinal) || plan.Branch == plan.TargetBranch)
        {
            throw new InvalidOperationException($"refusing to write branch {plan.Branch}: cherry-picks only write {BranchPrefix}* branches");
        }

        if (plan.Tier == CherryPickTier.Manual)
        {
            throw new InvalidOperationException("a plan with files left to a person opens no merge request");
        }

        await foreach (var open in gitlab.ListMergeRequestsAsync(plan.Project, plan.Branch, "opened", cancellationToken).ConfigureAwait(false))
        {
            return new CherryPickMergeRequest(open.Iid, open.WebUrl, false, plan.Branch);
        }

        if (!await BranchExistsAsync(plan.Project, plan.Branch, cancellationToken).ConfigureAwait(false))
        {
            var actions = new List<GitLabCommitAction>();
            foreach (var file in plan.Files)
            {
                var exists = await gitlab.FindRawFileAsync(plan.Project, file.Path, plan.TargetBranch, cancellationToken).ConfigureAwait(false) is not null;
                if (file.Delete || file.Content is null)
                {
                    if (exists)
                    {
                        actions.Add(new GitLabCommitAction { Action = GitLabCommitActionKind.Delete, FilePath = file.Path });
                    }

                    continue;
                }

                actions.Add(new GitLabCommitAction { Action = exists ? GitLabCommitActionKind.Update : GitLabCommitActionKind.Create, FilePath = file.Path, Content = file.Content });
            }

            await gitlab.CreateCommitAsync(plan.Project, new GitLabCommitRequest
            {
                Branch = plan.Branch,
                StartBranch = plan.TargetBranch,
                CommitMessage = CherryPickText.CommitMessage(plan),
                Actions = actions,
            }, cancellationToken).ConfigureAwait(false);
        }

        var created = await gitlab.CreateMergeRequestAsync(plan.Project, new GitLabNewMergeRequest
        {
            SourceBranch = plan.Branch,
            TargetBranch = plan.TargetBranch,
            Title = CherryPickText.Title(plan),
            Description = CherryPickText.MergeRequestBody(plan, request.ApprovedBy),
            Labels = Label,
            RemoveSourceBranch = true,
        }, draft: false, cancellationToken).ConfigureAwait(false);
        return new CherryPickMergeRequest(created.Iid, created.WebUrl, true, plan.Branch);
    }

    /// <summary>The report issue for this cherry-pick (found by its marker, updated in place): proposals awaiting approval, or conflicts a person resolves.</summary>
    public async Task<CherryPickReport> ReportAsync(CherryPickReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = request.Plan;
        var marker = CherryPickText.Marker(plan);
        var body = CherryPickText.ReportBody(plan, request.Status);
        await foreach (var issue in gitlab.ListIssuesAsync(plan.Project, new GitLabIssueQuery { Search = "ragnarok:cherry-pick", State = "all" }, cancellationToken).ConfigureAwait(false))
        {
            if (issue.Description?.StartsWith(marker, StringComparison.Ordinal) == true)
            {
                var updated = await gitlab.UpdateIssueAsync(plan.Project, issue.Iid, new GitLabIssuableUpdate { Description = body }, cancellationToken).ConfigureAwait(false);
                return new CherryPickReport(updated.Iid, updated.WebUrl, false);
            }
        }

        var created = await gitlab.CreateIssueAsync(plan.Project, new GitLabNewIssue { Title = CherryPickText.Title(plan), Description = body, Labels = Label }, cancellationToken).ConfigureAwait(false);
        return new CherryPickReport(created.Iid, created.WebUrl, true);
    }

    private async Task<bool> BranchExistsAsync(string project, string branch, CancellationToken cancellationToken)
    {
        try
        {
            await gitlab.GetBranchAsync(project, branch, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>A merge request's commits, oldest first (GitLab lists them newest first), or why there are none.</summary>
    private async Task<(IReadOnlyList<string> Commits, string? Problem)> MergeRequestCommitsAsync(string project, long iid, CancellationToken cancellationToken)
    {
        var shas = new List<string>();
        try
        {
            await foreach (var commit in gitlab.ListMergeRequestCommitsAsync(project, iid, cancellationToken).ConfigureAwait(false))
            {
                shas.Add(commit.Id);
            }
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return ([], $"no merge request !{iid} in {project}");
        }

        shas.Reverse();
        return shas.Count == 0 ? ([], $"merge request !{iid} has no commits to cherry-pick") : (shas, null);
    }

    private static CherryPickPlan Refused(CherryPickRequest request, string project, IReadOnlyList<string> errors) =>
        new(project, request.To, "", false, "", request.Commits, [], [], 0, [], errors);
}
