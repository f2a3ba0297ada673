using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Scoring;

/// <summary>The new-side line ranges of a unified diff's hunks (<c>@@ -a,b +c,d @@</c>).</summary>
internal static partial class Hunks
{
    public static List<(int From, int To)> Ranges(string diff)
    {
        var ranges = new List<(int, int)>();
        foreach (Match m in Header().Matches(diff))
        {
            var start = int.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture);
            var count = m.Groups["count"].Success ? int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
            ranges.Add((start, start + Math.Max(count, 1) - 1));
        }

        return ranges;
    }

    public static bool Touches(string diff, int line, int slack) => Ranges(diff).Any(r => line >= r.From - slack && line <= r.To + slack);

    public static string Describe(string diff) =>
        (Ranges(diff) is [var only] && only.From == only.To ? "line " : "lines ") + string.Join(", ", Ranges(diff).Take(3).Select(r => r.From == r.To
            ? r.From.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{r.From}–{r.To}")));

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(?<start>\d+)(?:,(?<count>\d+))? @@", RegexOptions.Multiline)]
    private static partial Regex Header();
}
