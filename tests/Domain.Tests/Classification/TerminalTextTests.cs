using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[31;1mFAILURE: Build failed\u001b[0m", "FAILURE: Build failed")]
    [InlineData("travis_fold:end:install\u001b[0K$ mvn test", "$ mvn test")]
    [InlineData("travis_time:end:0bbe:start=1,finish=2,duration=1\u001b[0K$ npm test", "$ npm test")]
    [InlineData("section_start:1560896352:step_script[collapsed=true]", "")]
    [InlineData("\u001b[0K\u001b[36;1mExecuting \"step_script\"\u001b[0;m", "Executing \"step_script\"")]
    [InlineData("2022-09-11T21:17:29.6504290Z * What went wrong:", "* What went wrong:")]
    [InlineData("2022-09-11T21:17:29.6504290Z ##[group]Run ./gradlew build", "Run ./gradlew build")]
    [InlineData("2022-09-11T21:17:29.6504290Z ##[error]Process completed with exit code 1.", "##[error]Process completed with exit code 1.")]
    [InlineData("[00:55:29] error[E0308]: mismatched types", "error[E0308]: mismatched types")]
    [InlineData("\u001b]0;title\u0007npm ERR! code ELIFECYCLE", "npm ERR! code ELIFECYCLE")]
    [InlineData("12:00 is not a timestamp we strip", "12:00 is not a timestamp we strip")]
    public void CleanToString_TerminalLine_WhatThePersonSaw(string raw, string expected)
    {
        Assert.Equal(expected, TerminalText.CleanToString(raw));
    }

    [Fact]
    public void NeedsCleaning_PlainLine_False()
    {
        Assert.False(TerminalText.NeedsCleaning("[INFO] BUILD SUCCESS".AsSpan(1)));
        Assert.True(TerminalText.NeedsCleaning("\u001b[0mok"));
    }

    [Fact]
    public void Strip_NoEscape_ASliceOfTheLineItselfWithTheTimestampDropped()
    {
        var line = "2022-09-11T21:17:29.6504290Z * What went wrong:".AsSpan();
        var scratch = new char[line.Length];

        var text = TerminalText.Strip(line, scratch);

        Assert.Equal("* What went wrong:", text.ToString());
        Assert.True(text.Overlaps(line), "a line without escapes is not copied");
    }

    [Fact]
    public void Strip_Escapes_WrittenToTheScratchWithoutThem()
    {
        var line = "2022-09-11T21:17:29.6504290Z \u001b[31mFAILED\u001b[0m tests/x.py".AsSpan();
        var scratch = new char[line.Length];

        var text = TerminalText.Strip(line, scratch);

        Assert.Equal("FAILED tests/x.py", text.ToString());
        Assert.True(text.Overlaps(scratch));
    }
}
