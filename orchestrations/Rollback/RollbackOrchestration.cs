using Microsoft.DurableTask;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Domain.Rollback;
using RagnarokOps.Orchestrations.Environments;

namespace RagnarokOps.Orchestrations.Rollback;

/// <summary>
/// Rolls an environment back to its last known-good deployment: plans (commits undone, Rollback Guardian's risk),
/// stops on a refusal or a dry run, waits for an <see cref="ApprovalDecision"/> (the escalation flow's event and
/// record, action <c>rollback</c>) when the environment is protected or the risk is high, and only then opens the
/// revert merge request. No decision within <see cref="ApprovalTimeout"/> ends the instance with "no decision".
/// </summary>
/// <remarks>Changing the order or names of calls breaks instances in flight; add steps at the end.</remarks>
public sealed class RollbackOrchestration : TaskOrchestrator<RollbackRequest, RollbackOutcome>
{
    public const string Name = nameof(RollbackOrchestration);

    public static readonly TimeSpan ApprovalTimeout = TimeSpan.FromHours(72);

    public override Task<RollbackOutcome> RunAsync(TaskOrchestrationContext context, RollbackRequest input) => RunAsync(context, input, null);

    /// <summary>The rollback, run on <paramref name="context"/>; <paramref name="waiting"/> (a <c>/envsync rollback</c> note's answer) runs just before the approval wait.</summary>
    public static async Task<RollbackOutcome> RunAsync(TaskOrchestrationContext context, RollbackRequest input, Func<RollbackPlan, Task>? waiting)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var plan = await context.CallPlanRollbackAsync(input, EnvironmentRetries.Read);
        if (RollbackRunner.Decide(plan, input) is { } early)
        {
            if (early.State != RollbackOutcome.NeedsApproval)
            {
                return early;
            }

            context.SetCustomStatus($"waiting for approval: {plan.ApprovalReason}; risk {plan.Assessment.RiskName}");
            if (waiting is not null)
            {
                await waiting(plan);
            }

            var decision = await WaitForDecisionAsync(context, context.CurrentUtcDateTime + ApprovalTimeout);
            if (decision is null)
            {
                return early with { State = RollbackOutcome.NoDecision, Summary = $"no decision within {ApprovalTimeout.TotalHours:0} h; nothing was opened" };
            }

            if (!decision.Approved)
            {
                return early with { State = RollbackOutcome.Rejected, Summary = $"rejected by {decision.By}{(decision.Comment is null ? "" : $": {decision.Comment}")}; nothing was opened" };
            }

            input = input with { ApprovedBy = decision.By };
        }

        context.SetCustomStatus("opening the rollback merge request");
        var opened = await context.CallOpenRollbackAsync(plan, EnvironmentRetries.Write);
        return RollbackRunner.Opened(plan, opened, input.ApprovedBy);
    }

    /// <summary>Decisions for other actions are ignored; null when the deadline passes.</summary>
    private static async Task<ApprovalDecision?> WaitForDecisionAsync(TaskOrchestrationContext context, DateTime deadline)
    {
        while (true)
        {
            var remaining = deadline - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                var decision = await context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName, remaining);
                if (string.Equals(decision.Action, RollbackRules.Action, StringComparison.Ordinal))
                {
                    return decision;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
