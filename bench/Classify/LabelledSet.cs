using System.Text.RegularExpressions;

namespace RagnarokOps.Bench.Classify;

/// <summary>
/// What the labelled-log benches (classify-accuracy, classify-alerts) share: where the data folder is, the dev/held-out
/// split with its "all" total, and the keyword baseline's line scan, so that both read and score their sets alike.
/// </summary>
internal static class LabelledSet
{
    public static readonly IReadOnlyList<string> Splits = ["dev", "heldout", "all"];

    /// <summary>The folder given by <c>--data DIR</c>, else bench/data/<paramref name="name"/> found above the bench's folder.</summary>
    public static string DataFolder(string[] args, string name)
    {
        var index = Array.IndexOf(args, "--data");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : FindData(name);
    }

    /// <summary>Adds one log to the score of its own split and to the "all" score, for one answerer.</summary>
    public static void Add<TScore>(Dictionary<(string Split, string Who), TScore> scores, string split, string who, Action<TScore> add)
        where TScore : new()
    {
        foreach (var s in new[] { split, "all" })
        {
            if (!scores.TryGetValue((s, who), out var score))
            {
                scores[(s, who)] = score = new TScore();
            }

            add(score);
        }
    }

    /// <summary>
    /// grep -n -i -E over '\n'-lines: each matching line as the StreamReader line numbers it spans (StreamReader ends a
    /// line at a lone '\r'; grep does not).
    /// </summary>
    public static IEnumerable<(long Start, long End)> KeywordLines(string text, Regex keyword)
    {
        long number = 1;
        var lineStart = number;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i > start && keyword.IsMatch(text.AsSpan(start, i - start)))
                {
                    yield return (lineStart, number);
                }

                start = i + 1;
                number++;
                lineStart = number;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] != '\n')
            {
                number++;
            }
        }
    }

    private static string FindData(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "data", name);
            if (File.Exists(Path.Combine(candidate, "manifest.tsv")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"bench/data/{name}/manifest.tsv not found above the bench's folder; pass --data DIR");
    }
}
