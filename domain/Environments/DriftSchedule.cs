using Cronos;

namespace RagnarokOps.Domain.Environments;

/// <summary>The drift check's cron schedule (five fields, UTC), read with Cronos.</summary>
public static class DriftSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="now"/>, or null when the expression never fires again.</summary>
    /// <exception cref="FormatException">The expression is not a five-field cron expression.</exception>
    public static DateTimeOffset? NextRun(string schedule, DateTimeOffset now)
    {
        return Parse(schedule).GetNextOccurrence(now, TimeZoneInfo.Utc);
    }

    private static CronExpression Parse(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        try
        {
            return CronExpression.Parse(schedule.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"drift.schedule '{schedule}' is not a five-field cron expression: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The latest occurrence at or before <paramref name="now"/> (looking back up to a year), or null when there was
    /// none: the run a timer that wakes up now still owes, whether it slept through it or not.
    /// </summary>
    /// <exception cref="FormatException">The expression is not a five-field cron expression.</exception>
    public static DateTimeOffset? LatestDue(string schedule, DateTimeOffset now)
    {
        var expression = Parse(schedule);
        foreach (var lookBack in LookBacks)
        {
            var latest = expression.GetOccurrences(now - lookBack, now, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true).LastOrDefault();
            if (latest != default)
            {
                return latest;
            }
        }

        return null;
    }

    // Widening windows keep a per-minute schedule from walking a year of minutes.
    private static readonly TimeSpan[] LookBacks = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(366)];

    /// <summary>Why the expression is not usable, or null when it is.</summary>
    public static string? Validate(string schedule)
    {
        try
        {
            _ = CronExpression.Parse(schedule.Trim(), CronFormat.Standard);
            return null;
        }
        catch (CronFormatException ex)
        {
            return $"'{schedule}' is not a five-field cron expression (minute hour day month weekday): {ex.Message}";
        }
    }
}
