using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.Logs;

/// <summary>Errors per minute as a contiguous series over the window, zeros included, so onset detection sees the quiet minutes too.</summary>
internal static class ErrorSeries
{
    /// <summary>Past a week of minutes, only the minutes that saw records are listed.</summary>
    private const int MaxFilledMinutes = 7 * 24 * 60;

    public static List<ErrorBucket> Build(TimeWindow window, IReadOnlyDictionary<DateTimeOffset, (int Errors, int Total)> minutes)
    {
        var from = FloorToMinute(window.From);
        var count = (int)Math.Min(int.MaxValue, Math.Ceiling((window.To - from).TotalMinutes));
        if (count is <= 0 or > MaxFilledMinutes)
        {
            return minutes.OrderBy(m => m.Key).Select(m => new ErrorBucket(m.Key, m.Value.Errors, m.Value.Total)).ToList();
        }

        var buckets = new List<ErrorBucket>(count);
        for (var i = 0; i < count; i++)
        {
            var minute = from.AddMinutes(i);
            var (errors, total) = minutes.GetValueOrDefault(minute);
            buckets.Add(new ErrorBucket(minute, errors, total));
        }

        return buckets;
    }

    public static DateTimeOffset FloorToMinute(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
