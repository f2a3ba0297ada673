using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class TimeHintParserTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("errors since 14:05 UTC", "2026-03-10T14:05:00Z", "time-of-day")]
    [InlineData("started about an hour ago", "2026-03-10T14:30:00Z", "relative")]
    [InlineData("it began 20 minutes ago", "2026-03-10T15:10:00Z", "relative")]
    [InlineData("first at 2026-03-10T13:58:12Z", "2026-03-10T13:58:12Z", "absolute")]
    [InlineData("since 2026-03-10 12:00 UTC", "2026-03-10T12:00:00Z", "absolute")]
    [InlineData("since 23:50", "2026-03-09T23:50:00Z", "time-of-day")]
    public void Parse_CommonPhrasings_ResolveAgainstCreatedTime(string text, string expected, string kind)
    {
        var hint = Assert.Single(TimeHintParser.Parse(text, Created));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), hint.At);
        Assert.Equal(kind, hint.Kind);
    }

    [Fact]
    public void Parse_NoTimes_ReturnsNothing()
    {
        Assert.Empty(TimeHintParser.Parse("checkout is broken, version 2.10 of the app", Created));
    }
}
