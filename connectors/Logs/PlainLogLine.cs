using System.Text.RegularExpressions;

namespace RagnarokOps.Connectors.Logs;

/// <summary>
/// Plain text log lines: "2024-05-01T12:00:00.123Z ERROR [svc] message", "2024-05-01 12:00:00,123 [ERROR] message",
/// "…|ERR|…". Lines that do not start with a timestamp continue the previous record (stack frames, exception text).
/// </summary>
internal static partial class PlainLogLine
{
    public static (DateTimeOffset Timestamp, string Level, string Message)? ParseHead(string line)
    {
        var match = Head().Match(line);
        if (!match.Success || LogTimestamp.Parse(match.Groups["ts"].Value) is not { } timestamp)
        {
            return null;
        }

        var level = match.Groups["level"].Success ? Normalise(match.Groups["level"].Value) : "unknown";
        return (timestamp, level, match.Groups["message"].Value.Trim());
    }

    private static string Normalise(string level) => level.ToUpperInvariant() switch
    {
        "WARN" or "WRN" => "warning",
        "INF" or "INFO" => "information",
        "DBG" => "debug",
        "ERR" => "error",
        "FTL" => "fatal",
        "CRIT" => "critical",
        "TRC" => "trace",
        var other => other.ToLowerInvariant(),
    };

    [GeneratedRegex(
        @"^\[?(?<ts>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)\]?\s*[|\-]?\s*(?:[\[<|]?(?<level>TRACE|TRC|DEBUG|DBG|INFO|INF|INFORMATION|NOTICE|WARN|WRN|WARNING|ERROR|ERR|FATAL|FTL|CRITICAL|CRIT|SEVERE)\s*[\]>|:]?\s+)?(?<message>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Head();
}
