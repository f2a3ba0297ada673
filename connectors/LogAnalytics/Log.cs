using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.LogAnalytics;

internal static partial class Log
{
    [LoggerMessage(4301, LogLevel.Warning, "{Host} answered {Status}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string host, int status, int attempt, double delayMs);

    [LoggerMessage(4302, LogLevel.Information, "Log Analytics query {Purpose} for {Service}: {Rows} row(s)")]
    public static partial void Queried(ILogger logger, string purpose, string service, int rows);

    [LoggerMessage(4303, LogLevel.Warning, "Log Analytics gave no logs for {Service}: {Reason}")]
    public static partial void QueryFailed(ILogger logger, string service, string reason);
}
