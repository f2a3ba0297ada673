using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;

namespace RagnarokOps.Domain.Tests.Onset;

public sealed class OnsetDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);
    private static readonly TimeWindow Window = new(Start, Start.AddMinutes(60));

    private static List<ErrorBucket> Series(Func<int, int> errors) =>
        Enumerable.Range(0, 60).Select(m => new ErrorBucket(Start.AddMinutes(m), errors(m), 100)).Where(b => b.Errors > 0).ToList();

    [Fact]
    public void Detect_ClearBurst_FindsTheFirstBurstMinuteWithHighConfidence()
    {
        var result = OnsetDetector.Detect(Series(m => m >= 40 ? 20 : m % 4 == 0 ? 1 : 0), Window);

        Assert.Equal(Start.AddMinutes(40), result.At);
        Assert.True(result.Confidence >= 0.9, result.Explanation);
        Assert.Contains("13:40 UTC", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_FlatNoise_SaysNoIncreaseWithBaselineAndMax()
    {
        var result = OnsetDetector.Detect(Series(m => m % 3 == 0 ? 1 : 0), Window);

        Assert.False(result.Found);
        Assert.Equal(0, result.Confidence);
        Assert.Equal("no error increase: baseline 0.33/min, window max 1/min", result.Explanation);
    }

    [Fact]
    public void Detect_NoErrors_SaysSo()
    {
        var result = OnsetDetector.Detect([], Window);

        Assert.False(result.Found);
        Assert.Contains("no errors", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_SingleBlip_IsNotAnOnset()
    {
        var result = OnsetDetector.Detect([new ErrorBucket(Start.AddMinutes(50), 2, 10)], Window);

        Assert.False(result.Found);
        Assert.Equal(Start.AddMinutes(50), result.FirstError);
    }

    [Fact]
    public void Detect_SparseBurstWithGaps_TreatsGapsAsZeroAndFindsIt()
    {
        var buckets = new[] { 41, 43, 44, 47, 50, 52, 55, 58 }.Select(m => new ErrorBucket(Start.AddMinutes(m), 2, 5)).ToList();

        var result = OnsetDetector.Detect(buckets, Window);

        Assert.Equal(Start.AddMinutes(41), result.At);
        Assert.InRange(result.Confidence, 0.3, 0.99);
    }

    [Fact]
    public void Detect_TwoMinuteWindow_TooFewPoints()
    {
        var result = OnsetDetector.Detect([new ErrorBucket(Start, 9, 9)], new TimeWindow(Start, Start.AddMinutes(2)));

        Assert.False(result.Found);
        Assert.Contains("too few minutes", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_LoudFromTheStart_SaysTheOnsetIsBeforeTheWindow()
    {
        var result = OnsetDetector.Detect(Series(m => 10 + m % 3), Window);

        Assert.False(result.Found);
        Assert.Contains("already at", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("widen the window", result.Explanation, StringComparison.Ordinal);
    }
}
