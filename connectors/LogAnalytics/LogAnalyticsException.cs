namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// A query that failed, with the service's own error code and message ("InsufficientAccessError: The provided
/// credentials have insufficient access …"). Built from the response body only: never from request headers,
/// so the bearer token cannot leak into it.
/// </summary>
internal sealed class LogAnalyticsException(int status, string code, string serviceMessage, string? correlationId = null, Exception? inner = null)
    : Exception(Describe(status, code, serviceMessage), inner)
{
    /// <summary>The HTTP status; 0 when no response came back (connection refused, DNS, token acquisition).</summary>
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string ServiceMessage { get; } = serviceMessage;

    public string? CorrelationId { get; } = correlationId;

    private static string Describe(int status, string code, string message) => status == 0
        ? $"Log Analytics could not be reached ({code}): {message}"
        : $"Log Analytics answered {status} ({code}): {message}";
}
