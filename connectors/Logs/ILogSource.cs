using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Logs;

/// <summary>
/// Where GatherLogs reads a service's logs from: Log Analytics when a workspace is configured, else the
/// log files the policy or settings name. Both answer with the same <see cref="LogEvidence"/> shape.
/// </summary>
public interface ILogSource
{
    /// <summary><c>log-analytics</c> or <c>log-file</c>, as written into <see cref="LogEvidence.Source"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads what the logs say about <see cref="LogQuery.Service"/> over the window. A source that cannot
    /// answer (file missing, 403, workspace down) returns <see cref="LogSourceResult.Missing"/> with the
    /// reason rather than throwing; cancellation still throws.
    /// </summary>
    Task<LogSourceResult> GatherAsync(LogQuery query, CancellationToken cancellationToken);
}
