using System.Net;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Activities.Rollback;

/// <summary>
/// Opens the rollback merge request: a revert branch <c>ragnarok/rollback-&lt;env&gt;-&lt;sha8&gt;</c> cut from the
/// environment branch, one revert commit per undone commit (newest first), and a merge request into the environment
/// branch. Never pushes to the environment branch, never force-pushes. Idempotent: an open merge request from the
/// branch is returned as is; a branch left by an earlier attempt is reused, and reverts it already holds come back
/// "empty" and are skipped.
/// </summary>
public sealed class RollbackWrites(IGitLabClient gitlab)
{
    public const string Label = "envsync::rollback";

    public async Task<RollbackOpenResult> OpenAsync(RollbackPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Refusal is not null || plan.Target is null)
        {
            return new RollbackOpenResult(null, plan.Refusal ?? "no known-good deployment");
        }

        var branch = plan.RevertBranch;
        var marker = RollbackRules.Marker(plan.Environment, plan.Target.Sha);
        await foreach (var mr in gitlab.ListMergeRequestsAsync(plan.Project, new GitLabMergeRequestQuery { SourceBranch = branch, TargetBranch = plan.Branch, State = "opened" }, cancellationToken).ConfigureAwait(false))
        {
            if (mr.Description?.Contains(marker, StringComparison.Ordinal) == true)
            {
                return new RollbackOpenResult(new RollbackMergeRequest(mr.Iid, mr.WebUrl, false, branch, plan.Commits.Count), null);
            }
        }

        try
        {
            await gitlab.GetBranchAsync(plan.Project, branch, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            await gitlab.CreateBranchAsync(plan.Project, branch, plan.Branch, cancellationToken).ConfigureAwait(false);
        }

        var reverted = 0;
        foreach (var commit in plan.Commits)
        {
            var result = await gitlab.RevertAsync(plan.Project, commit.Sha, branch, dryRun: false, cancellationToken).ConfigureAwait(false);
            if (result.Status == GitLabCommitChangeStatus.Committed)
            {
                reverted++;
            }
            else if (result.ErrorCode != "empty")
            {
                return new RollbackOpenResult(null, $"reverting {RollbackAssessment.Short(commit.Sha)} ({commit.Title}) on {branch} failed: {result.ErrorCode ?? result.Status.ToString()} {result.Message}".TrimEnd());
            }
        }

        var created = await gitlab.CreateMergeRequestAsync(plan.Project, new GitLabNewMergeRequest
        {
            SourceBranch = branch,
            TargetBranch = plan.Branch,
            Title = RollbackRules.Title(plan),
            Description = RollbackRules.Describe(plan),
            Labels = Label,
            RemoveSourceBranch = true,
        }, draft: false, cancellationToken).ConfigureAwait(false);
        return new RollbackOpenResult(new RollbackMergeRequest(created.Iid, created.WebUrl, true, branch, reverted), null);
    }
}
