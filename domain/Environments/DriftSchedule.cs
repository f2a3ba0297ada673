using Cronos;

namespace RagnarokOps.Domain.Environments;

/// <summary>The drift check's cron schedule (five fields, UTC), read with Cronos.</summary>
public static class DriftSchedule
{
    /// <summary>The first occurrence strictly after <paramref name="now"/>, or null when the expression never fires again.</summary>
    /// <exception cref="FormatException">The expression is not a five-field cron expression.</exception>
    public static DateTimeOffset? NextRun(string schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(schedule.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"drift.schedule '{schedule}' is not a five-field cron expression: {ex.Message}", ex);
        }

        return expression.GetNextOccurrence(now, TimeZoneInfo.Utc);
    }

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
