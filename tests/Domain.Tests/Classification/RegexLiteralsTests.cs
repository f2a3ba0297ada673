using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class RegexLiteralsTests
{
    [Theory]
    [InlineData(@"No space left on device", "No space left on device")]
    [InlineData(@"java\.lang\.OutOfMemoryError", "java.lang.OutOfMemoryError")]
    [InlineData(@"^\s*--- FAIL: ", "--- FAIL: ")]
    [InlineData(@"error TS\d{4}:", "error TS")]
    [InlineData(@"(?i)rate limit(?:ed| exceeded)", "rate limit")]
    [InlineData(@"HikariPool-\d+ - Connection is not available", " - Connection is not available")]
    [InlineData(@"Can't connect\x20to", "Can't connect to")]
    public void Required_PlainRuns_LongestRunWins(string pattern, string expected)
    {
        Assert.Equal([expected], RegexLiterals.Required(pattern));
    }

    [Fact]
    public void Required_TopLevelAlternation_OneLiteralPerBranch()
    {
        Assert.Equal(["ECONNREFUSED", "Connection refused"], RegexLiterals.Required("ECONNREFUSED|Connection refused"));
    }

    [Fact]
    public void Required_GroupAlternation_UsedWhenNoBetterRun()
    {
        Assert.Equal(["Exception", "Error"], RegexLiterals.Required(@"^(?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)(?::\s|$)"));
    }

    [Theory]
    [InlineData(@"^\d+$")]
    [InlineData(@"ab|cdef")]
    [InlineData(@"(?:foo)?ba")]
    [InlineData(@"(?x) foo bar")]
    [InlineData(@"fo?o")]
    public void Required_NoSafeLiteral_ReturnsNull(string pattern)
    {
        Assert.Null(RegexLiterals.Required(pattern));
    }

    [Fact]
    public void Required_OptionalCharBreaksRun_DoesNotClaimIt()
    {
        // "colou?r": neither "colour" nor "color" is required, but "colo" is.
        Assert.Equal(["colo"], RegexLiterals.Required("colou?r"));
    }

    [Fact]
    public void Required_BuiltInPatterns_LiteralsReallyOccurInMatchingText()
    {
        // Every literal set must be a necessary condition: a matching line contains one of them.
        var samples = new[] { SampleLogs.MavenTestFailure, SampleLogs.ServiceErrors, SampleLogs.GoPanic, SampleLogs.JestFailure, SampleLogs.PytestFailure };
        foreach (var rule in RuleSet.BuiltIn.Rules)
        {
            foreach (var pattern in rule.Patterns)
            {
                var literals = RegexLiterals.Required(pattern)!;
                var regex = new System.Text.RegularExpressions.Regex(pattern);
                foreach (var line in samples.SelectMany(s => s.Split('\n')).Where(l => regex.IsMatch(l)))
                {
                    Assert.Contains(literals, l => line.Contains(l, StringComparison.OrdinalIgnoreCase));
                }
            }
        }
    }

    [Fact]
    public void Required_CountedRepeat_GuaranteesThatManyChars()
    {
        Assert.Equal([" ___"], RegexLiterals.Required(@"^_{3,} [\w.]+ _{3,}$"));
    }

    [Theory]
    [InlineData("(?i)rate limit", true)]
    [InlineData("a(?i:b)c", true)]
    [InlineData("(?m)^x", false)]
    [InlineData("plain", false)]
    public void IgnoresCase_InlineOption_Detected(string pattern, bool expected)
    {
        Assert.Equal(expected, RegexLiterals.IgnoresCase(pattern));
    }
}
