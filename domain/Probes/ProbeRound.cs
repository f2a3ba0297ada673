using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Domain.Probes;

/// <summary>Starts one probe round. <paramref name="RoundId"/> is the slot as in instance ids (<c>20261207T1000Z</c>); history rows are keyed by it.</summary>
public sealed record ProbeRoundRequest(string RoundId, DateTimeOffset Slot);

/// <summary>One target's row of a round: its result and the state after it.</summary>
public sealed record ProbeTargetResult(ProbeTarget Target, ProbeResult Result, ProbeState State);

/// <summary>
/// What one round did: every probed target's result, the incident signals to raise (Failing after N failures in a row,
/// Recovered on the first success after), the targets not due this slot, and the targets that could not be read.
/// </summary>
public sealed record ProbeRoundSummary(
    string RoundId,
    DateTimeOffset Slot,
    IReadOnlyList<ProbeTargetResult> Results,
    IReadOnlyList<IncidentSignal> Signals,
    IReadOnlyList<string> NotDue,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string>? Incidents = null);

/// <summary>One history row: a target's result in one round and the state after it (the next round starts from it).</summary>
public sealed record ProbeHistoryEntry(string Target, string RoundId, DateTimeOffset RoundAt, ProbeResult Result, ProbeState State);

/// <summary>The targets configured for probing, and every target that could not be read (setting or file:line and why).</summary>
public sealed record ProbeTargetSet(IReadOnlyList<ProbeTarget> Targets, IReadOnlyList<string> Problems);
