using System.Text;
using RagnarokOps.Connectors.LogAnalytics;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

public sealed class KqlTests
{
    [Theory]
    [InlineData("orders-api", "\"orders-api\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("it's", "\"it\\'s\"")]
    [InlineData(@"C:\logs\", "\"C:\\\\logs\\\\\"")]
    [InlineData("a\nb\r\tc", "\"a\\nb\\r\\tc\"")]
    [InlineData("", "\"\"")]
    public void String_Value_EscapesAsKqlDocuments(string value, string expected) =>
        Assert.Equal(expected, Kql.String(value));

    [Theory]
    [InlineData("orders\" | union SecurityEvent | where \"1\"==\"1")]
    [InlineData("x\\\" ; .drop table AppRequests //")]
    [InlineData("role\n| project secret\n//")]
    [InlineData("\\\\\"\\'\"'")]
    public void String_InjectionAttempt_StaysOneLiteralThatReadsBackUnchanged(string hostile)
    {
        var literal = Kql.String(hostile);

        var (value, end) = ReadLiteral(literal, 0);

        Assert.Equal(hostile, value);
        Assert.Equal(literal.Length, end);
        Assert.DoesNotContain('\n', literal);
    }

    [Fact]
    public void String_ControlCharacter_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Kql.String("a\u0000b"));

    [Fact]
    public void DateTime_Offset_IsUtcWithFullPrecision() =>
        Assert.Equal("datetime(2024-05-01T10:00:00.1234567Z)", Kql.DateTime(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567)));

    /// <summary>Reads a double-quoted KQL string literal as Kusto's lexer does; returns its value and the index after it.</summary>
    internal static (string Value, int End) ReadLiteral(string text, int start)
    {
        Assert.Equal('"', text[start]);
        var value = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    return (value.ToString(), i + 1);
                case '\\':
                    i++;
                    value.Append(text[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var c => c });
                    break;
                case '\n' or '\r':
                    throw new InvalidOperationException("a raw line break ends a KQL string literal");
                default:
                    value.Append(text[i]);
                    break;
            }
        }

        throw new InvalidOperationException("unterminated literal");
    }
}
