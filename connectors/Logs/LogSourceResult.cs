using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Logs;

/// <summary>Either the evidence or the reason there is none, in words a person can act on.</summary>
public sealed record LogSourceResult(LogEvidence? Evidence, string? MissingReason)
{
    public bool Found => Evidence is not null;

    public static LogSourceResult Of(LogEvidence evidence) => new(evidence, null);

    public static LogSourceResult Missing(string reason) => new(null, reason);

    /// <summary>The <see cref="MissingEvidence"/> to put in the bundle when nothing was found.</summary>
    public MissingEvidence ToMissingEvidence() =>
        new("logs", MissingReason ?? "no logs: the log source gave no reason");
}
