namespace RagnarokOps.Domain.Evidence;

/// <summary>
/// A configuration value in an environment that changed outside git, or differs from what the repository
/// expects (found by a drift check). A candidate cause like any commit.
/// </summary>
/// <param name="Key">The configuration key (<c>payment.timeout_ms</c>), or the file when the whole file drifted.</param>
public sealed record ConfigDriftEvidence(
    string Environment,
    string Path,
    string Key,
    string? OldValue,
    string? NewValue,
    DateTimeOffset DetectedAt,
    string? WebUrl = null);
