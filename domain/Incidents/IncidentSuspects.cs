using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Incidents;

/// <summary>
/// The suspect changes of an incident, ranked by the escalations' scorer: the signal becomes the escalation text
/// (summary and evidence lines), the failure's start is the onset unless the service's logs show an earlier one,
/// and the evidence is what the gather activities found in <see cref="Window"/>. Pure.
/// </summary>
public static class IncidentSuspects
{
    /// <summary>How sure a failing probe or pipeline is of when the failure began; the logs' onset carries its own.</summary>
    public const double SignalOnsetConfidence = 0.8;

    /// <summary>How many suspects the RCA page shows in full.</summary>
    public const int Shown = 3;

    /// <summary>The window the evidence is gathered over: hours before the failure began, to just after it was seen.</summary>
    public static TimeWindow Window(IncidentSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return TimeWindow.Leading(signal.FailingSince, signal.ObservedAt);
    }

    /// <summary>The ranked suspect changes of <paramref name="incident"/> from <paramref name="evidence"/>, with the onset they were measured against and the sources that did not answer.</summary>
    public static SuspectChanges Rank(IncidentCase incident, EvidenceBundle evidence, IReadOnlyList<KnownService> services)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(services);
        var s = incident.Signal;
        var escalation = EscalationNormalizer.Normalize(
            new EscalationInput(s.Summary, string.Join('\n', s.Evidence), [$"env::{incident.Environment}"], [], s.FailingSince), services);
        var onset = Onset(s, evidence);
        var input = new DiagnosisInput(
            escalation,
            evidence,
            onset,
            services.FirstOrDefault(k => string.Equals(k.Name, s.Service, StringComparison.OrdinalIgnoreCase)),
            services,
            evidence.ConfigDrift ?? []);
        return new SuspectChanges(HypothesisScorer.Rank(input), evidence.Window, onset.Explanation, evidence.Missing, null);
    }

    /// <summary>The logs' onset when they show one no later than the signal; otherwise the signal's own start, and the sentence saying which.</summary>
    internal static OnsetResult Onset(IncidentSignal signal, EvidenceBundle evidence)
    {
        var since = signal.FailingSince;
        var what = signal.Source == IncidentSource.Probe ? $"probe {signal.Target}" : signal.Target;
        if (evidence.Logs is { } logs)
        {
            var fromLogs = OnsetDetector.Detect(logs.ErrorsPerMinute, evidence.Window);
            if (fromLogs.At is { } at && at <= since)
            {
                return fromLogs;
            }

            return new OnsetResult(since, SignalOnsetConfidence, fromLogs.BaselinePerMinute, fromLogs.BurstPerMinute, fromLogs.FirstError,
                $"{what} first failed at {IncidentRenderer.Time(since)} (the logs show no earlier onset: {fromLogs.Explanation})");
        }

        return new OnsetResult(since, SignalOnsetConfidence, 0, 0, null, $"{what} first failed at {IncidentRenderer.Time(since)}");
    }
}

/// <summary>
/// What the RCA page says about suspect changes: the scorer's ranking over the window, or — when nothing was
/// gathered — why not; and every evidence source that did not answer, with its reason.
/// </summary>
/// <param name="Diagnosis">The ranked suspects; null when none were ranked, and <paramref name="NotRanked"/> says why.</param>
/// <param name="Onset">The sentence that says which instant the changes were measured against.</param>
public sealed record SuspectChanges(DiagnosisResult? Diagnosis, TimeWindow Window, string Onset, IReadOnlyList<MissingEvidence> Missing, string? NotRanked)
{
    public static SuspectChanges NotGathered(IncidentSignal signal, string reason) =>
        new(null, IncidentSuspects.Window(signal), "", [], reason);
}
