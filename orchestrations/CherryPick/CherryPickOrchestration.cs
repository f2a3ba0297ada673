using Microsoft.DurableTask;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Domain.CherryPick;
using RagnarokOps.Orchestrations.Environments;

namespace RagnarokOps.Orchestrations.CherryPick;

/// <summary>
/// Moves named commits to an environment's branch: plan the tiers → tier 1 (rules) and clean files apply without
/// asking → tier 2 proposals publish a report and wait for an <see cref="ApprovalDecision"/> (the escalation flow's
/// event and record, action <see cref="Action"/>) → the merge request from <c>ragnarok/cherry-pick-&lt;target&gt;-&lt;sha8&gt;</c>;
/// tier 3 publishes the report and opens nothing. Instance id: <see cref="InstanceId"/>.
/// </summary>
/// <remarks>Changing the order or names of calls breaks instances in flight; add steps at the end.</remarks>
public sealed class CherryPickOrchestration : TaskOrchestrator<CherryPickRequest, CherryPickOutcome>
{
    public const string Name = nameof(CherryPickOrchestration);

    /// <summary>The approval action tier 2 waits for.</summary>
    public const string Action = "cherry-pick";

    public static readonly TimeSpan DefaultApprovalTimeout = TimeSpan.FromDays(3);

    public static string InstanceId(string projectId, string to, string lastSha) =>
        $"cherry-pick-{projectId.Replace('/', '+')}-{to}-{CherryPickGitLab.Short(lastSha)}";

    public override Task<CherryPickOutcome> RunAsync(TaskOrchestrationContext context, CherryPickRequest input) => RunAsync(context, input, null);

    /// <summary>The cherry-pick, run on <paramref name="context"/>; <paramref name="waiting"/> (a <c>/envsync cherry-pick</c> note's answer) runs just before the approval wait.</summary>
    public static async Task<CherryPickOutcome> RunAsync(TaskOrchestrationContext context, CherryPickRequest input, Func<CherryPickPlan, CherryPickReport, Task>? waiting)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var plan = await context.CallPlanCherryPickAsync(input, EnvironmentRetries.Read);
        if (CherryPickRunner.Early(plan, input.DryRun) is { } early)
        {
            return early;
        }

        if (plan.Tier == CherryPickTier.Manual)
        {
            var report = await context.CallReportCherryPickAsync(new CherryPickReportRequest(plan, CherryPickStatus.NeedsPerson), EnvironmentRetries.Write);
            return CherryPickRunner.Outcome(plan, CherryPickStatus.NeedsPerson, null, report);
        }

        string? approvedBy = null;
        if (plan.Tier == CherryPickTier.Proposed && !input.Approve)
        {
            var report = await context.CallReportCherryPickAsync(new CherryPickReportRequest(plan, CherryPickStatus.AwaitingApproval), EnvironmentRetries.Write);
            context.SetCustomStatus(CherryPickStatus.AwaitingApproval);
            if (waiting is not null)
            {
                await waiting(plan, report);
            }

            var decision = await WaitForDecisionAsync(context, context.CurrentUtcDateTime.Add(input.ApprovalTimeout ?? DefaultApprovalTimeout));
            if (decision is not { Approved: true })
            {
                var status = decision is null ? "approval timed out" : $"{CherryPickStatus.Rejected} by {decision.By}";
                var closed = await context.CallReportCherryPickAsync(new CherryPickReportRequest(plan, status), EnvironmentRetries.Write);
                return CherryPickRunner.Outcome(plan, CherryPickStatus.Rejected, null, closed);
            }

            approvedBy = decision.By;
            context.SetCustomStatus("opening the cherry-pick merge request");
        }

        var mr = await context.CallOpenCherryPickAsync(new OpenCherryPickRequest(plan, approvedBy), EnvironmentRetries.Write);
        return CherryPickRunner.Outcome(plan, mr.Created ? CherryPickStatus.Opened : CherryPickStatus.Exists, mr, null);
    }

    /// <summary>Waits for a decision on <see cref="Action"/> until <paramref name="expiresAt"/>; decisions for other actions are ignored.</summary>
    private static async Task<ApprovalDecision?> WaitForDecisionAsync(TaskOrchestrationContext context, DateTime expiresAt)
    {
        while (true)
        {
            var remaining = expiresAt - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                var decision = await context.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName, remaining);
                if (string.Equals(decision.Action, Action, StringComparison.Ordinal))
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
