using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Tests.Scoring;

public sealed class HunksTests
{
    private const string Diff = "--- a/x\n+++ b/x\n@@ -10,3 +12,4 @@ class X\n a\n+b\n@@ -80 +90 @@\n-c\n+d\n";

    [Fact]
    public void Ranges_ReadsNewSideStartAndCount()
    {
        Assert.Equal([(12, 15), (90, 90)], Hunks.Ranges(Diff));
    }

    [Theory]
    [InlineData(14, 0, true)]
    [InlineData(30, 0, false)]
    [InlineData(30, 15, true)]
    [InlineData(200, 15, false)]
    public void Touches_LineWithinSlack(int line, int slack, bool expected)
    {
        Assert.Equal(expected, Hunks.Touches(Diff, line, slack));
    }
}
