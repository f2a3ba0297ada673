using Cronos;

namespace RagnarokOps.Domain.Probes;

/// <summary>Which targets a round probes. Rounds run on minute slots; a target is due on its cron occurrences or when its interval has passed.</summary>
public static class ProbeSchedule
{
    /// <summary>Parses a 5-field (or 6-field, with seconds) cron expression; null with <paramref name="error"/> when it is not one.</summary>
    public static CronExpression? TryParse(string schedule, out string? error)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        error = null;
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(schedule, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            error = $"'{schedule}' is not a cron expression: {ex.Message}";
            return null;
        }
    }

    /// <summary>True when the round of <paramref name="slot"/> (a minute boundary) should probe <paramref name="target"/>.</summary>
    public static bool IsDue(ProbeTarget target, DateTimeOffset? lastRoundAt, DateTimeOffset slot)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!string.IsNullOrWhiteSpace(target.Schedule))
        {
            // Due when the cron has an occurrence in this slot's minute, (slot - 1 min, slot].
            var cron = TryParse(target.Schedule, out _);
            var next = cron?.GetNextOccurrence(slot.UtcDateTime.AddMinutes(-1), TimeZoneInfo.Utc, inclusive: false);
            return next is { } at && at <= slot.UtcDateTime && lastRoundAt != slot;
        }

        if (lastRoundAt is not { } last)
        {
            return true;
        }

        // Slots are whole minutes; a few seconds of slack keeps a 60 s interval due every minute.
        return slot - last >= TimeSpan.FromSeconds(Math.Max(1, target.IntervalSeconds) - 5);
    }
}
