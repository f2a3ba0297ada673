namespace RagnarokOps.Domain.Evidence;

/// <summary>Errors and requests in one minute for a service; the input of onset detection.</summary>
public sealed record ErrorBucket(DateTimeOffset Minute, int Errors, int Total);

/// <summary>An exception type seen in the window, with how often and when.</summary>
public sealed record ExceptionSummary(string Type, string Message, int Count, DateTimeOffset First, DateTimeOffset Last);

/// <summary>One log record kept as an example: the first of its kind, with its stack.</summary>
/// <param name="StackFrames">Raw frame lines as logged (file paths and line numbers inside, when the runtime gives them).</param>
/// <param name="RequestBody">The request's body when the service logged it (raw text, not yet redacted).</param>
public sealed record LogSample(
    DateTimeOffset Timestamp,
    string Level,
    string Message,
    string? ExceptionType,
    IReadOnlyList<string> StackFrames,
    string? RequestMethod,
    string? RequestPath,
    int? StatusCode,
    string? RequestId,
    string? RequestBody = null);

/// <summary>
/// What the logs say about a service over a window. Log Analytics and plain log files both produce
/// this shape, so the scorer never knows which one answered.
/// </summary>
/// <param name="Source">Where it came from: <c>log-analytics</c> or <c>log-file</c>.</param>
/// <param name="Warnings">Partial answers worth showing (a partial-error response, unparsable lines skipped, …).</param>
public sealed record LogEvidence(
    string Service,
    string Source,
    TimeWindow Window,
    IReadOnlyList<ErrorBucket> ErrorsPerMinute,
    IReadOnlyList<ExceptionSummary> TopExceptions,
    IReadOnlyList<LogSample> Samples,
    IReadOnlyList<string> Warnings);
