using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// Resolves the times people write in escalations against the issue's creation time: timestamps,
/// "since 14:05 UTC" (that day, or the day before when it would be in the future), "about an hour ago".
/// Times of day without a zone are read as UTC, the zone GitLab and our reports use.
/// </summary>
public static partial class TimeHintParser
{
    public static IReadOnlyList<TimeHint> Parse(string text, DateTimeOffset createdAt)
    {
        var hints = new List<(int Index, TimeHint Hint)>();
        var taken = new List<(int Start, int End)>();

        foreach (Match m in Timestamp().Matches(text))
        {
            if (DateTimeOffset.TryParse(NormalizeTimestamp(m.Value), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                hints.Add((m.Index, new TimeHint(at, m.Value, "absolute")));
                taken.Add((m.Index, m.Index + m.Length));
            }
        }

        foreach (Match m in TimeOfDay().Matches(text))
        {
            if (taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start))
            {
                continue;
            }

            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hour > 23 || minute > 59)
            {
                continue;
            }

            var utc = createdAt.ToUniversalTime();
            var at = new DateTimeOffset(utc.Year, utc.Month, utc.Day, hour, minute, 0, TimeSpan.Zero);
            if (at > utc)
            {
                at = at.AddDays(-1);
            }

            hints.Add((m.Index, new TimeHint(at, m.Value.Trim(), "time-of-day")));
        }

        foreach (Match m in Relative().Matches(text))
        {
            var amount = ParseAmount(m.Groups["n"].Value);
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            var span = unit.StartsWith("min", StringComparison.Ordinal) ? TimeSpan.FromMinutes(amount)
                : unit.StartsWith("h", StringComparison.Ordinal) ? TimeSpan.FromHours(amount)
                : TimeSpan.FromDays(amount);
            hints.Add((m.Index, new TimeHint(createdAt.ToUniversalTime() - span, m.Value.Trim(), "relative")));
        }

        return hints.OrderBy(h => h.Index).Select(h => h.Hint).ToList();
    }

    private static double ParseAmount(string value) => value.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" or "a couple of" or "couple of" => 2,
        "three" => 3,
        "half an" => 0.5,
        "few" or "a few" => 3,
        _ => double.Parse(value, CultureInfo.InvariantCulture),
    };

    private static string NormalizeTimestamp(string value) =>
        value.EndsWith("UTC", StringComparison.OrdinalIgnoreCase) ? value[..^3].Trim() + "Z" : value;

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}|\s?UTC)?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(?i)\b(?:since|at|from|around|about|starting|started|began)\s+(?:~\s*)?(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)(?!\d)(?:\s*(?:UTC|GMT|Z)\b)?|\b(?<h>[01]?\d|2[0-3]):(?<m>[0-5]\d)\s*(?:UTC|GMT|Z)\b")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"(?i)\b(?:about|around|roughly|approximately|~)?\s*(?<n>\d+(?:\.\d+)?|an|a|one|two|three|half an|a couple of|a few)\s+(?<unit>min(?:ute)?s?|hours?|hrs?|days?)\s+ago\b")]
    private static partial Regex Relative();
}
