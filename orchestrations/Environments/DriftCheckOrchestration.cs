using Microsoft.DurableTask;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Orchestrations.Environments;

/// <summary>
/// Drift of each environment against its predecessor, in parallel, then (when asked) the project's one tracking
/// issue updated in place. The timer trigger starts it per project on the topology's <c>drift.schedule</c>.
/// </summary>
/// <remarks>Changing the order or names of calls breaks instances in flight; add steps at the end.</remarks>
public sealed class DriftCheckOrchestration : TaskOrchestrator<DriftCheckRequest, DriftCheckOutcome>
{
    public const string Name = nameof(DriftCheckOrchestration);

    public override async Task<DriftCheckOutcome> RunAsync(TaskOrchestrationContext context, DriftCheckRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var load = await context.CallLoadTopologyAsync(new ProjectRequest(input.Project), EnvironmentRetries.Read);
        if (load.Topology is not { } topology)
        {
            return new DriftCheckOutcome(load.Project, null, null, load.Errors);
        }

        var links = await Task.WhenAll(topology.Links().Select(l =>
            context.CallReadLinkDriftAsync(new LinkDriftRequest(input.Project, l.From, l.To, topology.Drift), EnvironmentRetries.Read)));
        var report = new DriftReport(load.Project, topology.Source, topology.Notice, links, context.CurrentUtcDateTime);
        var issue = input.Publish ? await context.CallPublishDriftIssueAsync(report, EnvironmentRetries.Write) : null;
        return new DriftCheckOutcome(load.Project, report, issue, []);
    }
}
