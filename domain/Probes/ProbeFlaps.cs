using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Domain.Probes;

/// <summary>
/// Turns results into incident signals without paging on a flap: a failure only counts when
/// <see cref="ProbeThresholds.FailuresToOpen"/> rounds in a row fail, then one <see cref="SignalKind.Failing"/> is emitted
/// (not one per round); the first success after that emits <see cref="SignalKind.Recovered"/>.
/// </summary>
public static class ProbeFlaps
{
    /// <summary>How many failure details a signal carries as evidence.</summary>
    public const int EvidenceLines = 5;

    /// <summary>The target's next state after <paramref name="result"/> of the round at <paramref name="roundAt"/>, and the signal to raise, if any.</summary>
    public static (ProbeState State, IncidentSignal? Signal) Apply(ProbeTarget target, ProbeState prior, ProbeResult result, DateTimeOffset roundAt)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Ok)
        {
            var next = new ProbeState(0, false, roundAt, []);
            if (!prior.Open)
            {
                return (next, null);
            }

            var summary = $"{Describe(target)} recovered after {prior.ConsecutiveFailures} failing rounds: {result.Detail}";
            return (next, Signal(target, SignalKind.Recovered, result.ObservedAt, summary, [.. prior.RecentFailures, $"{result.ObservedAt:u} ok: {result.Detail}"], prior.ConsecutiveFailures, prior.FailingSince));
        }

        var failures = prior.ConsecutiveFailures + 1;
        var recent = prior.RecentFailures.Append($"{result.ObservedAt:u} failing: {result.Detail}").TakeLast(EvidenceLines).ToList();
        var opens = !prior.Open && failures >= Math.Max(1, target.Limits.FailuresToOpen);
        var since = prior.ConsecutiveFailures > 0 && prior.FailingSince is { } started ? started : result.ObservedAt;
        var state = new ProbeState(failures, prior.Open || opens, roundAt, recent, since);
        if (!opens)
        {
            return (state, null);
        }

        var text = $"{Describe(target)} failing {failures} rounds in a row: {result.Detail}";
        return (state, Signal(target, SignalKind.Failing, result.ObservedAt, text, recent, failures, since));
    }

    private static string Describe(ProbeTarget target) => target.Kind switch
    {
        ProbeKind.Http => $"HTTP probe {target.Name} ({target.Url})",
        ProbeKind.Postgres => $"PostgreSQL probe {target.Name}",
        ProbeKind.Cpu => $"CPU probe {target.Name}",
        _ => $"Memory probe {target.Name}",
    };

    private static IncidentSignal Signal(ProbeTarget target, SignalKind kind, DateTimeOffset at, string summary, IReadOnlyList<string> evidence, int failures, DateTimeOffset? since) =>
        new(target.Project, target.Service, IncidentSource.Probe, target.Name, kind, at, summary, evidence, failures, since);
}
