using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Activities.Rollback;

/// <summary>
/// Runs a rollback directly, without the durable engine, for the CLI: the same plan and write as
/// orchestrations/Rollback/RollbackOrchestration, except that a rollback needing approval is answered
/// <see cref="RollbackOutcome.NeedsApproval"/> unless the person running it approved up front (<c>--approve</c>).
/// </summary>
public sealed class RollbackRunner(RollbackGitLab reader, RollbackWrites writes)
{
    public async Task<RollbackOutcome> RunAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var plan = await reader.PlanAsync(request.Project, request.Environment, cancellationToken).ConfigureAwait(false);
            if (Decide(plan, request) is { } early)
            {
                return early;
            }

            var opened = await writes.OpenAsync(plan, cancellationToken).ConfigureAwait(false);
            return Opened(plan, opened, request.ApprovedBy);
        }
        catch (GitLabApiException ex)
        {
            var problem = $"GitLab answered {(int)ex.StatusCode} to {ex.Method} {ex.Path}{(ex.GitLabMessage is null ? "" : $": {ex.GitLabMessage}")}";
            return new RollbackOutcome(request.Project, request.Environment, RollbackOutcome.Failed, problem, null, null, [problem]);
        }
    }

    /// <summary>The outcome before any write: refused, dry run, or waiting for an approval not given; null means go on.</summary>
    public static RollbackOutcome? Decide(RollbackPlan plan, RollbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        if (plan.Refusal is not null)
        {
            return new RollbackOutcome(plan.Project, plan.Environment, RollbackOutcome.Refused, $"no rollback: {plan.Refusal}", plan, null, []);
        }

        if (request.DryRun)
        {
            return new RollbackOutcome(plan.Project, plan.Environment, RollbackOutcome.DryRun,
                $"dry run: would undo {plan.Commits.Count} commit(s) back to {RollbackAssessment.Short(plan.Target!.Sha)}, risk {plan.Assessment.RiskName}; {(plan.NeedsApproval ? $"approval required ({plan.ApprovalReason})" : "no approval required")}", plan, null, []);
        }

        return plan.NeedsApproval && request.ApprovedBy is null
            ? new RollbackOutcome(plan.Project, plan.Environment, RollbackOutcome.NeedsApproval, $"approval required: {plan.ApprovalReason}; risk {plan.Assessment.RiskName}", plan, null, [])
            : null;
    }

    public static RollbackOutcome Opened(RollbackPlan plan, RollbackOpenResult opened, string? approvedBy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.MergeRequest is not { } mr)
        {
            return new RollbackOutcome(plan.Project, plan.Environment, RollbackOutcome.Failed, opened.Problem ?? "the rollback merge request was not opened", plan, null, [opened.Problem ?? "not opened"]);
        }

        var by = approvedBy is null ? "" : $", approved by {approvedBy}";
        return new RollbackOutcome(plan.Project, plan.Environment, RollbackOutcome.Opened,
            $"rollback merge request !{mr.Iid} {(mr.Created ? "opened" : "already open")} from {mr.SourceBranch} into {plan.Branch} (risk {plan.Assessment.RiskName}{by})", plan, mr, []);
    }

    /// <summary>The Markdown answer a <c>/envsync rollback</c> note gets: the summary, then the plan and the Guardian's reasons.</summary>
    public static string Render(RollbackOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var body = $"**envsync rollback {outcome.Environment}** ({outcome.Project}): {outcome.Summary}\n\n";
        return outcome.Plan is null ? body : body + RollbackRules.Describe(outcome.Plan).Replace(RollbackRules.Marker(outcome.Plan.Environment, outcome.Plan.Target?.Sha ?? ""), "", StringComparison.Ordinal).TrimStart();
    }
}
