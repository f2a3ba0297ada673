using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class DriftScheduleTests
{
    [Fact]
    public void NextRun_DefaultSchedule_IsTheNextFullHour()
    {
        var next = DriftSchedule.NextRun(DriftRules.DefaultSchedule, new DateTimeOffset(2026, 3, 1, 10, 15, 30, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextRun_ExactlyOnAnOccurrence_GivesTheFollowingOne()
    {
        var next = DriftSchedule.NextRun("*/30 * * * *", new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextRun_WeekdaysAtSix_SkipsTheWeekend()
    {
        // 2026-03-06 is a Friday.
        var next = DriftSchedule.NextRun("0 6 * * 1-5", new DateTimeOffset(2026, 3, 6, 7, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 6, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextRun_NonUtcNow_AnswersTheSameInstant()
    {
        var next = DriftSchedule.NextRun("0 * * * *", new DateTimeOffset(2026, 3, 1, 12, 15, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextRun_BadExpression_ThrowsNamingTheSetting()
    {
        var ex = Assert.Throws<FormatException>(() => DriftSchedule.NextRun("61 * * * *", DateTimeOffset.UnixEpoch));

        Assert.Contains("drift.schedule '61 * * * *'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LatestDue_HourlyBetweenOccurrences_IsTheLastFullHour()
    {
        var due = DriftSchedule.LatestDue(DriftRules.DefaultSchedule, new DateTimeOffset(2026, 3, 1, 10, 15, 30, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void LatestDue_ExactlyOnAnOccurrence_IsThatOccurrence()
    {
        var now = new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

        Assert.Equal(now, DriftSchedule.LatestDue("0 6 * * *", now));
    }

    [Fact]
    public void LatestDue_WeeklySleptThrough_IsLastWeeksRun()
    {
        // 2026-03-04 is a Wednesday; the Monday 06:00 run is two days back.
        var due = DriftSchedule.LatestDue("0 6 * * 1", new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void LatestDue_NotACronExpression_NamesTheSetting()
    {
        var ex = Assert.Throws<FormatException>(() => DriftSchedule.LatestDue("every hour", DateTimeOffset.UnixEpoch));

        Assert.Contains("drift.schedule 'every hour'", ex.Message, StringComparison.Ordinal);
    }
}
