using System.Globalization;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Onset;

/// <summary>
/// Change-point detection on errors per minute: the split that best separates a quiet baseline from a
/// louder burst under a Poisson model (log-likelihood ratio against one constant rate). Minutes with no
/// bucket count as zero errors, because log sources only emit minutes that had records.
/// </summary>
public static class OnsetDetector
{
    /// <summary>Below this log-likelihood ratio a rise is indistinguishable from noise.</summary>
    public const double MinimumRatio = 6.0;

    /// <summary>Fewer errors than this after the split are a blip, not an incident.</summary>
    public const int MinimumBurstErrors = 3;

    /// <summary>Longest window examined; longer windows are read from their end, where onsets are.</summary>
    public const int MaxMinutes = 24 * 60;

    public static OnsetResult Detect(IReadOnlyList<ErrorBucket> buckets, TimeWindow window)
    {
        var series = Densify(buckets, window, out var start);
        var firstErrorIndex = Array.FindIndex(series, c => c > 0);
        DateTimeOffset? firstError = firstErrorIndex >= 0 ? start.AddMinutes(firstErrorIndex) : null;
        var total = series.Sum();
        if (series.Length < 3)
        {
            return OnsetResult.None($"too few minutes to tell a change: {series.Length} minute(s) of data", firstError: firstError);
        }

        var mean = (double)total / series.Length;
        var max = series.Length == 0 ? 0 : series.Max();
        if (total == 0)
        {
            return OnsetResult.None($"no errors in the window ({series.Length} minutes)");
        }

        var best = FindSplit(series);
        var burstErrors = best.Index < 0 ? 0 : best.After * (series.Length - best.Index);
        if (best.Index < 0 || best.Ratio < MinimumRatio || best.After <= best.Before || burstErrors < MinimumBurstErrors)
        {
            // Loud from the first minute: the change point is before the window, not absent.
            var opening = series.Take(3).Average();
            if (mean >= 1 && opening >= 0.5 * mean)
            {
                return OnsetResult.None(
                    $"errors were already at {Rate(opening)}/min when the window starts ({start:HH:mm} UTC); the onset is earlier, widen the window",
                    mean, max, firstError);
            }


            return OnsetResult.None($"no error increase: baseline {Rate(mean)}/min, window max {max}/min", mean, max, firstError);
        }

        // The first minute of the burst that actually rises above the baseline, so a zero minute
        // the split happened to include is not reported as the onset.
        var onsetIndex = best.Index;
        while (onsetIndex < series.Length - 1 && series[onsetIndex] <= best.Before)
        {
            onsetIndex++;
        }

        var onset = start.AddMinutes(onsetIndex);
        var burstMinutes = series.Length - best.Index;
        // Grows with the evidence (the ratio) and is held back when the burst or the baseline is short.
        var strength = 1 - Math.Exp(-(best.Ratio - MinimumRatio + 2) / 8);
        var coverage = Math.Min(1.0, best.Index / 5.0) * Math.Min(1.0, burstMinutes / 3.0);
        var confidence = Math.Round(Math.Clamp(strength * (0.5 + 0.5 * coverage), 0, 0.99), 3);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"errors rose from {Rate(best.Before)}/min to {Rate(best.After)}/min at {onset:HH:mm} UTC (log-likelihood ratio {best.Ratio:0.0} over {series.Length} minutes)");
        return new OnsetResult(onset, confidence, best.Before, best.After, firstError, explanation);
    }

    private static (int Index, double Ratio, double Before, double After) FindSplit(int[] series)
    {
        var prefix = new long[series.Length + 1];
        for (var i = 0; i < series.Length; i++)
        {
            prefix[i + 1] = prefix[i] + series[i];
        }

        var n = series.Length;
        var all = PoissonLogLikelihood(prefix[n], n);
        (int Index, double Ratio, double Before, double After) best = (-1, 0, 0, 0);
        for (var k = 1; k < n; k++)
        {
            var before = prefix[k];
            var after = prefix[n] - prefix[k];
            var ratio = PoissonLogLikelihood(before, k) + PoissonLogLikelihood(after, n - k) - all;
            var beforeRate = (double)before / k;
            var afterRate = (double)after / (n - k);
            if (afterRate > beforeRate && ratio > best.Ratio)
            {
                best = (k, ratio, beforeRate, afterRate);
            }
        }

        return best;
    }

    // Maximised Poisson log-likelihood of `count` events over `minutes`, without the constant factorial terms
    // (they cancel in the ratio).
    private static double PoissonLogLikelihood(long count, int minutes)
    {
        if (count == 0)
        {
            return 0;
        }

        var rate = (double)count / minutes;
        return count * Math.Log(rate) - count;
    }

    private static int[] Densify(IReadOnlyList<ErrorBucket> buckets, TimeWindow window, out DateTimeOffset start)
    {
        start = Floor(window.From);
        var end = Floor(window.To);
        if (end - start > TimeSpan.FromMinutes(MaxMinutes))
        {
            start = end.AddMinutes(-MaxMinutes);
        }

        var length = Math.Max(0, (int)(end - start).TotalMinutes);
        var series = new int[length];
        foreach (var bucket in buckets)
        {
            var index = (int)(Floor(bucket.Minute) - start).TotalMinutes;
            if (index >= 0 && index < length)
            {
                series[index] += Math.Max(0, bucket.Errors);
            }
        }

        return series;
    }

    private static DateTimeOffset Floor(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    private static string Rate(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);
}
