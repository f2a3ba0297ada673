using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Probes;
using RagnarokOps.Orchestrations.Incidents;

namespace RagnarokOps.Orchestrations.Probes;

/// <summary>
/// One probe round: loads the targets, reads their states, fans out one RunProbe per due target, fans in, applies the
/// flap rule (N failures in a row → one Failing; first success after → Recovered), appends history keyed by the round
/// and returns the summary with the signals to raise. Changing the order of calls breaks rounds in flight.
/// </summary>
[DurableTask(Name)]
public sealed class ProbeRoundOrchestration : TaskOrchestrator<ProbeRoundRequest, ProbeRoundSummary>
{
    public const string Name = "ProbeRound";

    public override async Task<ProbeRoundSummary> RunAsync(TaskOrchestrationContext context, ProbeRoundRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var set = await context.CallActivityAsync<ProbeTargetSet>(ActivityNames.LoadProbeTargets, input);
        if (set.Targets.Count == 0)
        {
            return new ProbeRoundSummary(input.RoundId, input.Slot, [], [], [], [.. set.Problems, .. NoTargets(set)]);
        }

        var states = await context.CallActivityAsync<Dictionary<string, ProbeState>>(ActivityNames.ReadProbeStates, set.Targets.Select(t => t.Name).ToList());
        var due = set.Targets.Where(t => ProbeSchedule.IsDue(t, states.GetValueOrDefault(t.Name)?.LastRoundAt, input.Slot)).ToList();
        var notDue = set.Targets.Except(due).Select(t => t.Name).ToList();
        var results = await Task.WhenAll(due.Select(t => context.CallActivityAsync<ProbeResult>(ActivityNames.RunProbe, t)));

        var rows = new List<ProbeTargetResult>();
        var signals = new List<IncidentSignal>();
        for (var i = 0; i < due.Count; i++)
        {
            var (state, signal) = ProbeFlaps.Apply(due[i], states.GetValueOrDefault(due[i].Name) ?? ProbeState.New, results[i], input.Slot);
            rows.Add(new ProbeTargetResult(due[i], results[i], state));
            if (signal is not null)
            {
                signals.Add(signal);
            }
        }

        if (rows.Count > 0)
        {
            await context.CallActivityAsync<int>(
                ActivityNames.AppendProbeHistory, rows.Select(r => new ProbeHistoryEntry(r.Target.Name, input.RoundId, input.Slot, r.Result, r.State)).ToList());
        }

        // Each signal goes through the incident flow inline (the local engine cannot run sub-orchestrations).
        var incidents = await IncidentHandOff.RunAsync(context, signals);
        return new ProbeRoundSummary(input.RoundId, input.Slot, rows, signals, notDue, set.Problems, incidents);
    }

    private static IEnumerable<string> NoTargets(ProbeTargetSet set) =>
        set.Problems.Count == 0 ? ["no probe targets: set Ragnarok:Probes:Targets:0:Name, :Kind, :Service, :Url, …"] : [];
}
