using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Reads a line's level field where service logs keep it: a JSON <c>"level":"error"</c>, a log4j/logback level word
/// after the timestamp (<c>2024-05-01 10:00:00,123 ERROR [main] …</c>, PostgreSQL's <c>PANIC:</c>), a syslog <c>&lt;3&gt;</c> priority, or a
/// kernel ring-buffer line (level <c>kernel</c>). Null when the line has none. Used to grade alert lines; the level
/// alone never makes an alert, since many real system logs print FATAL for routine events.
/// </summary>
internal static partial class LogLevels
{
    public static string? Of(ReadOnlySpan<char> line)
    {
        var text = line.ToString();
        if (Json().Match(text) is { Success: true } json)
        {
            return Normalise(json.Groups[1].Value);
        }

        if (Syslog().Match(text) is { Success: true } syslog)
        {
            return (int.Parse(syslog.Groups[1].ValueSpan, provider: null) % 8) switch
            {
                0 => "emergency",
                1 => "alert",
                2 => "critical",
                3 => "error",
                4 => "warning",
                5 or 6 => "info",
                _ => "debug",
            };
        }

        if (Word().Match(text) is { Success: true } word)
        {
            return Normalise(word.Groups[1].Value);
        }

        return Kernel().IsMatch(text) ? "kernel" : null;
    }

    private static string Normalise(string level) => level.ToUpperInvariant() switch
    {
        "ERR" or "ERROR" or "SEVERE" => "error",
        "WARN" or "WARNING" => "warning",
        "FATAL" or "CRIT" or "CRITICAL" or "PANIC" => "fatal",
        "INFO" or "NOTICE" => "info",
        "DEBUG" or "TRACE" => "debug",
        var other => other.ToLowerInvariant(),
    };

    [GeneratedRegex("""["']?(?:level|severity|lvl)["']?\s*[:=]\s*["']?([A-Za-z]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Json();

    [GeneratedRegex("""^<(\d{1,3})>""", RegexOptions.CultureInvariant)]
    private static partial Regex Syslog();

    [GeneratedRegex("""\b(PANIC|FATAL|SEVERE|ERROR|ERR|CRIT|CRITICAL|WARN|WARNING|INFO|NOTICE|DEBUG|TRACE)\b""", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex("""(?:^\[\s*\d+\.\d+\]|\bkernel:)""", RegexOptions.CultureInvariant)]
    private static partial Regex Kernel();
}
