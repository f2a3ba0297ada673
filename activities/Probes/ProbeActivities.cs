using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using RagnarokOps.Connectors.Probes;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Activities.Probes;

/// <summary>
/// The targets to probe now: host settings <c>Ragnarok:Probes:Targets</c> plus the <c>probes:</c> of each service in the
/// policies of <c>Ragnarok:Probes:Projects</c>, with every one that could not be read. Read-only.
/// </summary>
[DurableTask(ActivityNames.LoadProbeTargets)]
internal sealed class LoadProbeTargetsActivity(IConfiguration configuration, IServiceProvider services) : TaskActivity<ProbeRoundRequest, ProbeTargetSet>
{
    public override Task<ProbeTargetSet> RunAsync(TaskActivityContext context, ProbeRoundRequest input) =>
        new PolicyProbeTargets(configuration, services).ReadAsync(CancellationToken.None);
}

/// <summary>Each target's state after its latest recorded round (new targets: <see cref="ProbeState.New"/>).</summary>
[DurableTask(ActivityNames.ReadProbeStates)]
internal sealed class ReadProbeStatesActivity(IProbeHistory history) : TaskActivity<IReadOnlyList<string>, IReadOnlyDictionary<string, ProbeState>>
{
    public override async Task<IReadOnlyDictionary<string, ProbeState>> RunAsync(TaskActivityContext context, IReadOnlyList<string> input)
    {
        var states = new Dictionary<string, ProbeState>(StringComparer.Ordinal);
        foreach (var target in input)
        {
            states[target] = (await history.LatestAsync(target, 1, CancellationToken.None).ConfigureAwait(false)) is [var latest] ? latest.State : ProbeState.New;
        }

        return states;
    }
}

/// <summary>One probe of one target; read-only, so running it twice is harmless.</summary>
[DurableTask(ActivityNames.RunProbe)]
internal sealed class RunProbeActivity(IProbeRunner runner) : TaskActivity<ProbeTarget, ProbeResult>
{
    public override Task<ProbeResult> RunAsync(TaskActivityContext context, ProbeTarget input) =>
        runner.RunAsync(input, CancellationToken.None);
}

/// <summary>Writes the round's history rows; keyed by target and round, so a retry writes nothing new.</summary>
[DurableTask(ActivityNames.AppendProbeHistory)]
internal sealed class AppendProbeHistoryActivity(IProbeHistory history) : TaskActivity<IReadOnlyList<ProbeHistoryEntry>, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<ProbeHistoryEntry> input)
    {
        await history.AppendAsync(input, CancellationToken.None).ConfigureAwait(false);
        return input.Count;
    }
}
