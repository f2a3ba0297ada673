using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Warning,
        Message = "Retrying {Method} {Path} (status {Status}{Exception}), attempt {Attempt} after {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string path, int status, string exception, int attempt, TimeSpan delay);
}
