using RagnarokOps.Connectors.Logs;

namespace RagnarokOps.Connectors.Tests.Logs;

public sealed class PlainLogLineTests
{
    [Theory]
    [InlineData("2024-05-01T12:00:00Z ERROR boom", "error", "boom")]
    [InlineData("2024-05-01 12:00:00,000 [WARN] slow", "warning", "slow")]
    [InlineData("[2024-05-01 12:00:00] INF: ready", "information", "ready")]
    [InlineData("2024-05-01 12:00:00.000+00:00 | FTL | down", "fatal", "down")]
    [InlineData("2024-05-01T12:00:00Z no level here", "unknown", "no level here")]
    public void ParseHead_CommonLayouts_ReadTimeLevelAndMessage(string line, string level, string message)
    {
        var head = PlainLogLine.ParseHead(line);

        Assert.Equal((new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), level, message), head);
    }

    [Theory]
    [InlineData("   at Foo.Bar()")]
    [InlineData("System.Exception: boom")]
    [InlineData("12:00:00 ERROR no date")]
    public void ParseHead_ContinuationOrNoDate_IsNull(string line) => Assert.Null(PlainLogLine.ParseHead(line));
}
