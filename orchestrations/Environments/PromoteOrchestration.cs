using Microsoft.DurableTask;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Orchestrations.Environments;

/// <summary>
/// Promotes one environment to the next: reads the source branch, the gap and the target's drift in parallel, refuses
/// with the reason when the source's pipeline is not green, else opens (or updates) the promotion merge request.
/// </summary>
/// <remarks>Changing the order or names of calls breaks instances in flight; add steps at the end.</remarks>
public sealed class PromoteOrchestration : TaskOrchestrator<PromoteRequest, PromoteOutcome>
{
    public const string Name = nameof(PromoteOrchestration);

    public override async Task<PromoteOutcome> RunAsync(TaskOrchestrationContext context, PromoteRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var load = await context.CallLoadTopologyAsync(new ProjectRequest(input.Project), EnvironmentRetries.Read);
        if (load.Topology is not { } topology)
        {
            return new PromoteOutcome(load.Project, input.From, null, false, "the topology is invalid", null, load.Errors);
        }

        var (from, to, refusal) = Promotion.Resolve(topology, input.From);
        if (refusal is not null)
        {
            return new PromoteOutcome(load.Project, from?.Name ?? input.From, null, false, refusal, null, []);
        }

        var state = context.CallReadEnvironmentBranchAsync(new BranchRequest(input.Project, from!), EnvironmentRetries.Read);
        var gap = context.CallCompareEnvironmentsAsync(new LinkRequest(input.Project, from!, to!), EnvironmentRetries.Read);
        var drift = context.CallReadLinkDriftAsync(new LinkDriftRequest(input.Project, from!, to!, topology.Drift), EnvironmentRetries.Read);
        await Task.WhenAll(state, gap, drift);
        var decision = Promotion.Decide(from!, to!, state.Result, gap.Result.Ahead);
        if (!decision.Allowed)
        {
            context.SetCustomStatus($"refused: {decision.Reason}");
            return new PromoteOutcome(load.Project, from!.Name, to!.Name, false, decision.Reason, null, []);
        }

        var mr = await context.CallOpenPromotionAsync(new PromotionRequest(input.Project, from!, to!, state.Result, drift.Result), EnvironmentRetries.Write);
        return new PromoteOutcome(load.Project, from!.Name, to!.Name, true, decision.Reason, mr, []);
    }
}
