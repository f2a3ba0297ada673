namespace RagnarokOps.Connectors.Logs;

/// <summary>One log record as read from a file, before it is counted or kept as a sample.</summary>
internal sealed record LogRecord(
    DateTimeOffset Timestamp,
    string Level,
    string Message,
    string? ExceptionType,
    string? ExceptionMessage,
    IReadOnlyList<string> StackFrames,
    string? Service = null,
    string? RequestMethod = null,
    string? RequestPath = null,
    int? StatusCode = null,
    string? RequestId = null,
    string? RequestBody = null)
{
    private static readonly HashSet<string> ErrorLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        "error", "err", "e", "fatal", "f", "critical", "crit", "alert", "emerg", "emergency", "panic", "severe",
    };

    /// <summary>An error line, an exception, or a 5xx response all count as an error for onset detection.</summary>
    public bool IsError => ErrorLevels.Contains(Level) || ExceptionType is not null || StatusCode >= 500;
}
