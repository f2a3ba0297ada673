using Microsoft.DurableTask;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Orchestrations.Environments;

/// <summary>Status of every environment of a project: topology → each branch and each chain link read in parallel → the report.</summary>
/// <remarks>Changing the order or names of calls breaks instances in flight; add steps at the end.</remarks>
public sealed class EnvStatusOrchestration : TaskOrchestrator<ProjectRequest, EnvStatusOutcome>
{
    public const string Name = nameof(EnvStatusOrchestration);

    public override async Task<EnvStatusOutcome> RunAsync(TaskOrchestrationContext context, ProjectRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var load = await context.CallLoadTopologyAsync(input, EnvironmentRetries.Read);
        if (load.Topology is not { } topology)
        {
            return new EnvStatusOutcome(load.Project, null, load.Errors);
        }

        var states = topology.Environments.Select(e => context.CallReadEnvironmentBranchAsync(new BranchRequest(input.Project, e), EnvironmentRetries.Read)).ToList();
        var gaps = topology.Links().Select(l => context.CallCompareEnvironmentsAsync(new LinkRequest(input.Project, l.From, l.To), EnvironmentRetries.Read)).ToList();
        var report = EnvironmentStatusReport.Build(load.Project, topology, await Task.WhenAll(states), await Task.WhenAll(gaps), context.CurrentUtcDateTime);
        return new EnvStatusOutcome(load.Project, report, []);
    }
}
