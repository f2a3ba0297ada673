using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class BaselineLogTests
{
    [Fact]
    public void Contains_SameLineWithOtherNumbersAndHashes_True()
    {
        var green = BaselineLog.Parse("2022-01-01T10:00:00.1234567Z Downloaded lodash-4.17.21.tgz in 120ms (sha 3f9a0b1c2d)\n");

        Assert.True(green.Contains("Downloaded lodash-4.17.15.tgz in 98ms (sha 9e8d7c6b5a)"));
        Assert.False(green.Contains("npm ERR! code ERESOLVE"));
        Assert.Equal(1, green.Shapes);
    }

    [Fact]
    public void Classify_ErrorAlsoInGreenRun_AnchorsOnTheNewLine()
    {
        var green = "$ pytest\nWARNING: Retrying (Retry(total=4)) after connection broken: ConnectionRefusedError\n1 passed\n";
        var failed = "$ pytest\nWARNING: Retrying (Retry(total=4)) after connection broken: ConnectionRefusedError\n" +
                     "FAILED tests/test_cart.py::test_total - assert 3 == 4\n";

        var result = FailureClassifier.BuiltIn.Classify(failed, green);

        Assert.Equal(3, result.Chunk!.StartLine);
        Assert.Equal("pytest-failed", result.Chunk.RuleId);
    }
}
