using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class ChunkCaptureTests
{
    private static readonly FailureRule Rule = new("r", "x", "R", SeverityLevel.P3, ["boom"], "", false);

    [Theory]
    [InlineData("\tat com.acme.A.b(A.java:1)", true)]
    [InlineData("Caused by: java.io.IOException: x", true)]
    [InlineData("\t... 12 more", true)]
    [InlineData(" ---> System.Exception: inner", true)]
    [InlineData("During handling of the above exception, another exception occurred:", true)]
    [InlineData("KeyError: 'amount'", true)]
    [InlineData("goroutine 1 [running]:", true)]
    [InlineData("main.main()", true)]
    [InlineData("E       assert 1 == 2", true)]
    [InlineData("Expected: 90", true)]
    [InlineData("[INFO] BUILD FAILURE", false)]
    [InlineData("ERROR: Job failed: exit code 1", false)]
    [InlineData("$ make test", false)]
    public void IsContinuation_KnownShapes(string line, bool expected)
    {
        Assert.Equal(expected, ChunkCapture.IsContinuation(line));
    }

    [Fact]
    public void Offer_BlankLinesInsideBlock_KeptOnlyWhenBlockContinues()
    {
        var capture = new ChunkCapture(Rule, 10, [], "boom", 60, 400);
        capture.Offer("  detail");
        capture.Offer("");
        capture.Offer("  more detail");
        capture.Offer("");
        capture.Offer("next step");

        var chunk = capture.ToChunk();
        Assert.False(capture.Open);
        Assert.Equal((10, 13), (chunk.StartLine, chunk.EndLine));
        Assert.Equal("boom\n  detail\n\n  more detail", chunk.Text);
    }

    [Fact]
    public void Constructor_ContextBefore_StartsEarlierAndLongLinesAreCut()
    {
        var capture = new ChunkCapture(Rule, 10, ["  a_test.go:3: want 1"], new string('x', 20), 60, 8);

        var chunk = capture.ToChunk();
        Assert.Equal((9, 10), (chunk.StartLine, chunk.EndLine));
        Assert.Equal("  a_test…\nxxxxxxxx…", chunk.Text);
    }
}
