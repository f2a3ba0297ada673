using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>Probe history per target: one row per round (keyed by round id, so writing a round twice keeps one row).</summary>
public interface IProbeHistory
{
    /// <summary>Writes the round's rows; a row already written for that target and round is left as it is.</summary>
    Task AppendAsync(IReadOnlyList<ProbeHistoryEntry> entries, CancellationToken cancellationToken);

    /// <summary>The latest <paramref name="count"/> rows of <paramref name="target"/>, newest first (a dashboard reads this).</summary>
    Task<IReadOnlyList<ProbeHistoryEntry>> LatestAsync(string target, int count, CancellationToken cancellationToken);
}
