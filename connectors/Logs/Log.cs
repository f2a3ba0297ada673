using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.Logs;

internal static partial class Log
{
    [LoggerMessage(4401, LogLevel.Warning, "Log file {Path} skipped: {Problem}")]
    public static partial void LogFileUnreadable(ILogger logger, string path, string problem);

    [LoggerMessage(4402, LogLevel.Information, "Read {Files} log file(s) for {Service}: {Records} record(s) in the window")]
    public static partial void LogFilesRead(ILogger logger, string service, int files, int records);
}
