namespace RagnarokOps.Domain.Probes;

/// <summary>One probe run's answer. <paramref name="Detail"/> says what was seen and, when failing, why; it never holds secrets.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Ok">False when the target failed a threshold or could not be reached.</param>
/// <param name="LatencyMs">How long the probe took (HTTP: to the end of the body; PostgreSQL: connect and query).</param>
/// <param name="Detail">One line: "HTTP 200 in 12 ms", "cpu 97.5% > 90% for 5 s", "connection refused".</param>
/// <param name="ObservedAt">When the probe ran (wall clock of the activity).</param>
public sealed record ProbeResult(string Target, bool Ok, long LatencyMs, string Detail, DateTimeOffset ObservedAt);

/// <summary>A target's standing after its latest round: the run of failures so far and whether a Failing signal is open.</summary>
/// <param name="ConsecutiveFailures">Failing rounds in a row (0 after a success).</param>
/// <param name="Open">True once a Failing signal was emitted, until the first success emits Recovered.</param>
/// <param name="LastRoundAt">The slot of the last round that probed the target (due times count from it).</param>
/// <param name="RecentFailures">The details of the current run of failures, oldest first, at most <see cref="ProbeFlaps.EvidenceLines"/>.</param>
/// <param name="FailingSince">When the current run of failures began (its first failing result); null after a success.</param>
public sealed record ProbeState(int ConsecutiveFailures, bool Open, DateTimeOffset? LastRoundAt, IReadOnlyList<string> RecentFailures, DateTimeOffset? FailingSince = null)
{
    /// <summary>A target never probed.</summary>
    public static ProbeState New { get; } = new(0, false, null, []);
}
