using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.CherryPick;

namespace RagnarokOps.Activities.CherryPick;

/// <summary>
/// Runs a cherry-pick directly, without the durable engine, for the CLI: the same plan and writes as
/// CherryPickOrchestration; tier 2 proposals need <see cref="CherryPickRequest.Approve"/> here instead of an approval event.
/// </summary>
public sealed class CherryPickRunner(CherryPickGitLab gitlab)
{
    public async Task<CherryPickOutcome> RunAsync(CherryPickRequest request, string approver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var plan = await gitlab.PlanAsync(request, cancellationToken).ConfigureAwait(false);
            if (Early(plan, request.DryRun) is { } early)
            {
                return early;
            }

            if (plan.Tier == CherryPickTier.Manual || (plan.Tier == CherryPickTier.Proposed && !request.Approve))
            {
                var status = plan.Tier == CherryPickTier.Manual ? CherryPickStatus.NeedsPerson : CherryPickStatus.AwaitingApproval;
                var report = await gitlab.ReportAsync(new CherryPickReportRequest(plan, status), cancellationToken).ConfigureAwait(false);
                return Outcome(plan, status, null, report);
            }

            var mr = await gitlab.OpenAsync(new OpenCherryPickRequest(plan, plan.Tier == CherryPickTier.Proposed ? approver : null), cancellationToken).ConfigureAwait(false);
            return Outcome(plan, mr.Created ? CherryPickStatus.Opened : CherryPickStatus.Exists, mr, null);
        }
        catch (GitLabApiException ex)
        {
            var problem = $"GitLab answered {(int)ex.StatusCode} to {ex.Method} {ex.Path}{(ex.GitLabMessage is null ? "" : $": {ex.GitLabMessage}")}";
            return new CherryPickOutcome(request.Project, request.To, CherryPickStatus.Invalid, CherryPickTier.Clean, null, null, null, [], [problem]);
        }
    }

    /// <summary>The answer before anything is written: an invalid request, a dry run, or nothing to pick.</summary>
    public static CherryPickOutcome? Early(CherryPickPlan plan, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Ok)
        {
            return Outcome(plan, CherryPickStatus.Invalid, null, null);
        }

        if (plan.Files.Count == 0)
        {
            return Outcome(plan, CherryPickStatus.NothingToDo, null, null);
        }

        return dryRun ? Outcome(plan, CherryPickStatus.DryRun, null, null) : null;
    }

    public static CherryPickOutcome Outcome(CherryPickPlan plan, string status, CherryPickMergeRequest? mr, CherryPickReport? report)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new CherryPickOutcome(plan.Project, plan.To, status, plan.Tier, plan.Branch.Length == 0 ? null : plan.Branch, mr, report, plan.Files, plan.Errors);
    }
}

public static class CherryPickStatus
{
    public const string Opened = "opened";
    public const string Exists = "exists";
    public const string AwaitingApproval = "awaiting-approval";
    public const string Rejected = "rejected";
    public const string NeedsPerson = "needs-person";
    public const string DryRun = "dry-run";
    public const string NothingToDo = "nothing-to-do";
    public const string Invalid = "invalid";
}
