namespace RagnarokOps.Domain.CherryPick;

/// <summary>One region of a three-way merge: lines all sides agree on, or where ours and theirs changed base.</summary>
/// <param name="BaseStart">0-based first line of the region in base (for reports).</param>
public sealed record MergeChunk(bool Conflict, IReadOnlyList<string> Base, IReadOnlyList<string> Ours, IReadOnlyList<string> Theirs, IReadOnlyList<string> Merged, int BaseStart, int OursStart);

/// <summary>The three-way merge of one file, chunk by chunk.</summary>
public sealed record MergeResult(IReadOnlyList<MergeChunk> Chunks)
{
    public bool Clean => Chunks.All(c => !c.Conflict);

    public IEnumerable<MergeChunk> Conflicts => Chunks.Where(c => c.Conflict);
}

/// <summary>
/// diff3 over lines: the longest common subsequence of base with each side gives the lines that are stable in all
/// three; between stable runs a region changed by one side only takes that side, a region changed alike on both
/// takes it once, and a region changed differently on both is a conflict.
/// </summary>
public static class LineMerge
{
    /// <summary>Files longer than this are not merged line by line (the LCS table is quadratic): their differences are one conflict.</summary>
    public const int MaxLines = 4000;

    public static MergeResult Merge(string @base, string ours, string theirs) => Merge(Lines(@base), Lines(ours), Lines(theirs));

    public static MergeResult Merge(IReadOnlyList<string> @base, IReadOnlyList<string> ours, IReadOnlyList<string> theirs)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        var chunks = new List<MergeChunk>();
        if (Math.Max(@base.Count, Math.Max(ours.Count, theirs.Count)) > MaxLines)
        {
            chunks.Add(Unstable(@base, ours, theirs, 0, 0));
            return new MergeResult(chunks);
        }

        var mo = Match(@base, ours);
        var mt = Match(@base, theirs);
        int i = 0, a = 0, b = 0;
        while (i < @base.Count || a < ours.Count || b < theirs.Count)
        {
            var k = 0;
            while (i + k < @base.Count && mo[i + k] == a + k && mt[i + k] == b + k)
            {
                k++;
            }

            if (k > 0)
            {
                var same = Slice(@base, i, k);
                chunks.Add(new MergeChunk(false, same, same, same, same, i, a));
                i += k;
                a += k;
                b += k;
                continue;
            }

            var j = i;
            while (j < @base.Count && (mo[j] < 0 || mt[j] < 0))
            {
                j++;
            }

            var (ao, bo) = j < @base.Count ? (mo[j], mt[j]) : (ours.Count, theirs.Count);
            chunks.Add(Unstable(Slice(@base, i, j - i), Slice(ours, a, ao - a), Slice(theirs, b, bo - b), i, a));
            i = j;
            a = ao;
            b = bo;
        }

        return new MergeResult(chunks);
    }

    /// <summary>Splits on \n keeping a trailing empty element when the text ends with a newline, so joining restores it.</summary>
    public static IReadOnlyList<string> Lines(string text) => string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    private static MergeChunk Unstable(IReadOnlyList<string> @base, IReadOnlyList<string> ours, IReadOnlyList<string> theirs, int baseStart, int oursStart)
    {
        if (ours.SequenceEqual(@base))
        {
            return new MergeChunk(false, @base, ours, theirs, theirs, baseStart, oursStart);
        }

        if (theirs.SequenceEqual(@base) || ours.SequenceEqual(theirs))
        {
            return new MergeChunk(false, @base, ours, theirs, ours, baseStart, oursStart);
        }

        return new MergeChunk(true, @base, ours, theirs, [], baseStart, oursStart);
    }

    private static List<string> Slice(IReadOnlyList<string> lines, int start, int count) => [.. lines.Skip(start).Take(count)];

    /// <summary>For each line of <paramref name="x"/>, its matched line in <paramref name="y"/> on one longest common subsequence, or -1.</summary>
    private static int[] Match(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        var n = x.Count;
        var m = y.Count;
        var table = new int[n + 1][];
        for (var r = 0; r <= n; r++)
        {
            table[r] = new int[m + 1];
        }

        for (var p = n - 1; p >= 0; p--)
        {
            for (var q = m - 1; q >= 0; q--)
            {
                table[p][q] = string.Equals(x[p], y[q], StringComparison.Ordinal) ? table[p + 1][q + 1] + 1 : Math.Max(table[p + 1][q], table[p][q + 1]);
            }
        }

        var match = Enumerable.Repeat(-1, n).ToArray();
        int i = 0, j = 0;
        while (i < n && j < m)
        {
            if (string.Equals(x[i], y[j], StringComparison.Ordinal))
            {
                match[i++] = j++;
            }
            else if (table[i + 1][j] >= table[i][j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return match;
    }
}
