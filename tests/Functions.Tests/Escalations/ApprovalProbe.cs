using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using Microsoft.DurableTask;

using RagnarokOps.Functions.Approvals;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Functions.Tests.Escalations;

/// <summary>
/// A stand-in for the escalation's approval step on the real engine: an activity issues the link through the host's
/// ApprovalLinks, the orchestrator shows it in custom status as awaiting-approval and waits for "ApprovalDecision".
/// </summary>
internal sealed class ApprovalProbe
{
    public const string Name = "ApprovalProbe";

    public ApprovalLinks? Links { get; set; }

    public TimeSpan ValidFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Who the probe's "policy" lets decide, shown in custom status as the escalation shows it.</summary>
    public CaseApprovers? Approvers { get; set; }

    public void Register(IServiceCollection services) => services.Configure<DurableTaskRegistry>(r => r
        .AddActivityFunc<string, string>("ProbeIssueLink", (ctx, action) => Links!.Create(ctx.InstanceId, action!, ValidFor).Url.ToString())
        .AddOrchestratorFunc<string, ApprovalDecision>(Name, async (ctx, action) =>
        {
            var url = await ctx.CallActivityAsync<string>("ProbeIssueLink", action);
            ctx.SetCustomStatus(new EscalationStatus(EscalationSteps.AwaitingApproval, "revert the culprit", "http://gitlab.test/shop/checkout/-/issues/1#note_1", url, Approvers));
            var decision = await ctx.WaitForExternalEvent<ApprovalDecision>(ApprovalDecision.EventName);
            ctx.SetCustomStatus(new EscalationStatus(EscalationSteps.Done, decision.Approved ? "approved" : "rejected"));
            return decision;
        }));
}
