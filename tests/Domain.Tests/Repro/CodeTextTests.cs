using System.Text.Json;
using RagnarokOps.Domain.Repro;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Domain.Tests.Repro;

public sealed class CodeTextTests
{
    private const string Hostile = "a \"quoted\" \"\"\" 'single' \\ back \\u0022 \n\r\t \u0001 \u2028 ${x} `tick` end";

    [Fact]
    public async Task Python_HostileText_EvaluatesBackToTheSameString()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("literal.py");
        await File.WriteAllTextAsync(file, $"import json, sys\nsys.stdout.write(json.dumps({CodeText.Python(Hostile)}))\n");

        var (exitCode, output) = await ProcessRunner.RunAsync("python3", [file]);

        Assert.Equal(0, exitCode);
        Assert.Equal(Hostile, JsonSerializer.Deserialize<string>(output));
    }

    [Fact]
    public void JavaScript_HostileText_IsAJsonStringOfTheSameValue() =>
        Assert.Equal(Hostile, JsonSerializer.Deserialize<string>(CodeText.JavaScript(Hostile)));

    [Fact]
    public void Java_HostileText_HasNoUnicodeEscapeJavaWouldExpandEarly()
    {
        var literal = CodeText.Java(Hostile);

        // Every backslash is paired or starts a known escape; "\u" can only appear as "\\u".
        Assert.DoesNotContain("\\u", literal.Replace("\\\\", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\\001", literal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', literal);
    }

    [Theory]
    [InlineData("csharp")]
    [InlineData("go")]
    [InlineData("java")]
    [InlineData("python")]
    [InlineData("javascript")]
    public void Literal_AnyLanguage_IsOneLineAndEveryInnerQuoteEscaped(string language)
    {
        var literal = language switch
        {
            "csharp" => CodeText.CSharp(Hostile),
            "go" => CodeText.Go(Hostile),
            "java" => CodeText.Java(Hostile),
            "python" => CodeText.Python(Hostile),
            _ => CodeText.JavaScript(Hostile),
        };

        Assert.DoesNotContain(literal, c => c is '\n' or '\r' or '\u0001');
        // Java alone ends lines at CR and LF only, so a line separator may stay literal there (and must: "\u" would be expanded early).
        Assert.Equal(language == "java", literal.Contains('\u2028', StringComparison.Ordinal));
        Assert.Equal('"', literal[0]);
        Assert.Equal('"', literal[^1]);
        var inner = literal[1..^1].Replace("\\\\", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(inner.Replace("\\\"", string.Empty, StringComparison.Ordinal), c => c == '"');
    }

    [Fact]
    public void CSharp_LineSeparator_IsEscapedBecauseCSharpEndsLinesThere() =>
        Assert.Equal("\"a\\u2028b\\u0085c\"", CodeText.CSharp("a\u2028b\u0085c"));

    [Fact]
    public async Task Shell_HostileText_ComesBackUnexpanded()
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("sh", ["-c", $"printf %s {CodeText.Shell(Hostile)}"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(Hostile, output);
    }

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("has `one` tick", "``has `one` tick``")]
    [InlineData("`edge", "`` `edge ``")]
    public void InlineCode_Backticks_UseALongerRun(string text, string expected) => Assert.Equal(expected, CodeText.InlineCode(text));

    [Fact]
    public void Words_Punctuation_SplitsIntoAsciiWords()
    {
        Assert.Equal(["checkout", "42", "x"], CodeText.Words("checkout#42 / x"));
        Assert.Equal("Checkout42X", CodeText.Pascal(CodeText.Words("checkout#42 / x")));
        Assert.Equal("checkout_42_x", CodeText.Snake(CodeText.Words("checkout#42 / x")));
    }
}
