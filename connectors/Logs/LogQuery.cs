using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Logs;

/// <summary>What GatherLogs asks a log source for.</summary>
/// <param name="Service">The service as the policy names it.</param>
/// <param name="Window">The case window; records outside it are ignored.</param>
/// <param name="CloudRole">The cloud role name (App Insights) or container name (AKS); the service name when null.</param>
/// <param name="Files">Log files the policy names for the service (log-file source only); settings add more.</param>
/// <param name="MaxSamples">How many example records to keep, first of each kind.</param>
/// <param name="MaxExceptions">How many exception types to rank.</param>
public sealed record LogQuery(
    string Service,
    TimeWindow Window,
    string? CloudRole = null,
    IReadOnlyList<string>? Files = null,
    int MaxSamples = 5,
    int MaxExceptions = 10)
{
    public string Role => string.IsNullOrWhiteSpace(CloudRole) ? Service : CloudRole;
}
