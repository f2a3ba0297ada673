namespace RagnarokOps.Functions.Tests.Infra;

/// <summary>The checker itself: main.bicep's structure tests are only as good as this lexer.</summary>
public sealed class BicepTextTests
{
    [Fact]
    public void Parse_InterpolationAndEscapes_KeepExpressionsAndBlankLiteralText()
    {
        var text = BicepText.Parse("var a = 'x{[${take(b, 3)}]\\'}'\n// { unclosed in a comment\nvar b = '''{ [ '''");

        Assert.Empty(text.Problems);
        Assert.Null(text.UnbalancedBracket());
        Assert.Contains("${take(b, 3)}", text.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("x{[", text.Code, StringComparison.Ordinal);
        Assert.DoesNotContain("unclosed", text.NoComments, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resource r 'T@1' = {\n  properties: {\n    a: [1, 2\n  }\n}", "line 4: '}' closes nothing open")]
    [InlineData("var a = {\n  b: (1 + 2)\n", "line 1: '{' is never closed")]
    [InlineData("var a = '${b'\n", "line 1: '{' is never closed")]
    public void UnbalancedBracket_Mismatch_SaysWhere(string bicep, string expected) =>
        Assert.Equal(expected, BicepText.Parse(bicep).UnbalancedBracket());

    [Fact]
    public void Parse_StringRunningPastItsLine_IsAProblemWithItsLine() =>
        Assert.Equal(["line 2: string not closed on its line"], BicepText.Parse("var a = 1\nvar b = 'oops\nvar c = 2").Problems);

    [Fact]
    public void Resources_ReturnsEachDeclarationWithItsWholeBody()
    {
        var text = BicepText.Parse("resource a 'X/y@1' = {\n  name: '}'\n  p: { q: 1 }\n}\nresource b 'X/z@1' = [for i in l: {\n  name: 'b${i}'\n}]\n");

        var resources = text.Resources().ToList();

        Assert.Equal(["a", "b"], resources.Select(r => r.Symbol));
        Assert.EndsWith("p: { q: 1 }\n}", resources[0].Body, StringComparison.Ordinal);
        Assert.EndsWith("}]", resources[1].Body, StringComparison.Ordinal);
    }
}
