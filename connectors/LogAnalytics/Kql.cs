using System.Globalization;
using System.Text;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// KQL literals built from values we do not control (service names come from policies and issues). A value
/// only ever becomes a quoted string literal, so no input can close the quote and add operators.
/// </summary>
internal static class Kql
{
    /// <summary>A double-quoted string literal: backslash, quotes, tab, CR and LF escaped as KQL documents them.</summary>
    /// <exception cref="ArgumentException">The value holds another control character, which KQL string literals cannot carry.</exception>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                '\'' => builder.Append(@"\'"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                _ when char.IsControl(c) => throw new ArgumentException($"a KQL string cannot hold control character U+{(int)c:X4}", nameof(value)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A <c>datetime(…)</c> literal in UTC with full precision.</summary>
    public static string DateTime(DateTimeOffset value) =>
        string.Create(CultureInfo.InvariantCulture, $"datetime({value.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ})");

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
