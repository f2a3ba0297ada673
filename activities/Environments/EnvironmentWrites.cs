using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Environments;

/// <summary>
/// The two writes environment operations make, each idempotent: the drift tracking issue (found by its marker,
/// updated in place, never a second one) and the promotion merge request (found by source and target branch).
/// </summary>
public sealed class EnvironmentWrites(IGitLabClient gitlab, EnvironmentGitLab reader)
{
    public async Task<DriftIssueResult> PublishDriftIssueAsync(DriftReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = DriftIssue.Render(report);
        GitLabIssue? existing = null;
        await foreach (var issue in gitlab.ListIssuesAsync(report.Project, new GitLabIssueQuery { Search = "ragnarok:envsync-drift", State = "all" }, cancellationToken).ConfigureAwait(false))
        {
            if (issue.Description?.StartsWith(DriftIssue.Marker, StringComparison.Ordinal) == true && (existing is null || issue.Iid < existing.Iid))
            {
                existing = issue;
            }
        }

        if (existing is null)
        {
            if (!report.HasDrift)
            {
                return new DriftIssueResult(0, null, false, false);
            }

            var created = await gitlab.CreateIssueAsync(report.Project, new GitLabNewIssue { Title = DriftIssue.Title(report.Project), Description = body, Labels = DriftIssue.Label }, cancellationToken).ConfigureAwait(false);
            return new DriftIssueResult(created.Iid, created.WebUrl, true, false);
        }

        // Drift gone: the issue closes with the clean report; drift back: it reopens. Same issue either way.
        var stateEvent = report.HasDrift ? (existing.State == "closed" ? "reopen" : null) : (existing.State == "closed" ? null : "close");
        var updated = await gitlab.UpdateIssueAsync(report.Project, existing.Iid, new GitLabIssuableUpdate { Description = body, StateEvent = stateEvent }, cancellationToken).ConfigureAwait(false);
        return new DriftIssueResult(updated.Iid, updated.WebUrl, false, updated.State == "closed");
    }

    public async Task<PromotionMergeRequest> OpenPromotionAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var commits = await reader.PromotedCommitsAsync(request.Project, request.From, request.To, cancellationToken).ConfigureAwait(false);
        var title = Promotion.Title(request.From, request.To);
        var description = Promotion.Describe(request.From, request.To, request.Source, commits, request.Drift);
        var query = new GitLabMergeRequestQuery { SourceBranch = request.From.Branch, TargetBranch = request.To.Branch, State = "opened" };
        await foreach (var open in gitlab.ListMergeRequestsAsync(request.Project, query, cancellationToken).ConfigureAwait(false))
        {
            var updated = await gitlab.UpdateMergeRequestAsync(request.Project, open.Iid, new GitLabIssuableUpdate { Title = title, Description = description }, cancellationToken).ConfigureAwait(false);
            return new PromotionMergeRequest(updated.Iid, updated.WebUrl, false, commits.Count);
        }

        var created = await gitlab.CreateMergeRequestAsync(request.Project, new GitLabNewMergeRequest
        {
            SourceBranch = request.From.Branch,
            TargetBranch = request.To.Branch,
            Title = title,
            Description = description,
            Labels = "envsync::promotion",
            RemoveSourceBranch = false,
        }, draft: false, cancellationToken).ConfigureAwait(false);
        return new PromotionMergeRequest(created.Iid, created.WebUrl, true, commits.Count);
    }
}
