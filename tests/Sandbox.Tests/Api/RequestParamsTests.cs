using RagnarokOps.Sandbox.Api;

namespace RagnarokOps.Sandbox.Tests.Api;

public sealed class RequestParamsTests
{
    [Fact]
    public void Time_ZoneLessValue_IsReadAsUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), RequestParams.Time("2026-11-21T12:00:00"));

    [Fact]
    public void Time_WithOffset_KeepsTheInstant() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), RequestParams.Time("2026-11-21T12:00:00+02:00"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday-ish")]
    public void Time_MissingOrUnreadable_IsNoFilter(string? value) => Assert.Null(RequestParams.Time(value));
}
