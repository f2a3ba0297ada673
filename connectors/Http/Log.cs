using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.Http;

internal static partial class Log
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Warning, Message = "{Method} {Path} got {Outcome}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string path, string outcome, int attempt, TimeSpan delay);
}
