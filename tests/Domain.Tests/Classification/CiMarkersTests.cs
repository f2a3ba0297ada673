using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class CiMarkersTests
{
    [Theory]
    [InlineData("The command \"mvn test -B\" exited with 1.", "CommandFailed")]
    [InlineData("The command \"npm test\" exited with 0.", "None")]
    [InlineData("The command \"make\" failed and exited with 2 during .", "CommandFailed")]
    [InlineData("##[error]Process completed with exit code 1.", "CommandFailed")]
    [InlineData("make: *** [Makefile:12: test] Error 2", "CommandFailed")]
    [InlineData("make[1]: *** [all] Error 1", "CommandFailed")]
    [InlineData("ERROR: Job failed: exit code 1", "JobFailed")]
    [InlineData("Done. Your build exited with 1.", "JobFailed")]
    [InlineData("Done. Your build exited with 0.", "JobSucceeded")]
    [InlineData("Job succeeded", "JobSucceeded")]
    [InlineData("$ bundle exec rspec", "CommandStart")]
    [InlineData("the tests exited with 1 failure", "None")]
    public void Of_RunnerLine_Kind(string line, string expected)
    {
        Assert.Equal(expected, CiMarkers.Of(line, line).ToString());
    }

    [Fact]
    public void Of_GitHubGroupRun_CommandStartFromTheRawLine()
    {
        Assert.Equal(CiMarker.CommandStart, CiMarkers.Of("Run ./gradlew check", "2022-05-27T21:37:14.1085601Z ##[group]Run ./gradlew check"));
    }
}
