using System.Runtime.CompilerServices;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Finds, in one left-to-right pass, the positions of a line where one of many literals (case-insensitive) may start.
/// Each literal's first three characters, case-folded, are hashed into a 64K-bit table that fits in L1/L2 cache;
/// a position whose three characters hash to a set bit is checked against the few literals of that hash.
/// </summary>
/// <remarks>
/// Measured on a CI log with ~200 literals this is several times faster than <c>SearchValues&lt;string&gt;</c>, whose
/// Aho-Corasick path (used past a few dozen strings) costs tens of nanoseconds per character.
/// </remarks>
internal sealed class LiteralPrefilter
{
    private const int Bits = 16;
    private const int Mask = (1 << Bits) - 1;

    private static readonly char[] AsciiFold = BuildFold();

    private readonly ulong[] _bitmap = new ulong[(1 << Bits) / 64];
    private readonly Entry[]?[] _buckets = new Entry[]?[1 << Bits];

    public LiteralPrefilter(IEnumerable<Entry> literals)
    {
        var buckets = new Dictionary<int, List<Entry>>();
        foreach (var entry in literals)
        {
            if (entry.Literal.Length < RegexLiterals.MinLength)
            {
                throw new ArgumentException($"literal '{entry.Literal}' is shorter than {RegexLiterals.MinLength}", nameof(literals));
            }

            var literal = entry.Literal;
            var hash = Hash(Fold(literal[0]), Fold(literal[1]), Fold(literal[2]));
            _bitmap[hash >> 6] |= 1UL << hash;
            if (!buckets.TryGetValue(hash, out var list))
            {
                buckets[hash] = list = [];
            }

            list.Add(entry);
        }

        foreach (var (hash, list) in buckets)
        {
            _buckets[hash] = [.. list];
        }
    }

    /// <summary>The next position at or after <paramref name="from"/> where some literal may start, with its candidates; -1 when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop: skip tier-0 so short runs are fast too
    public int Next(ReadOnlySpan<char> line, int from, out Entry[] candidates)
    {
        var bitmap = _bitmap;
        var buckets = _buckets;
        if (line.Length >= 3)
        {
            var c0 = from < line.Length ? Fold(line[from]) : '\0';
            var c1 = from + 1 < line.Length ? Fold(line[from + 1]) : '\0';
            for (var i = from; i + 2 < line.Length; i++)
            {
                var c2 = Fold(line[i + 2]);
                var hash = Hash(c0, c1, c2);
                if ((bitmap[hash >> 6] & (1UL << hash)) != 0)
                {
                    candidates = buckets[hash]!;
                    return i;
                }

                c0 = c1;
                c1 = c2;
            }
        }

        candidates = [];
        return -1;
    }

    /// <summary>The case folding OrdinalIgnoreCase uses (simple upper-casing), with a table for ASCII.</summary>
    private static char Fold(char c) => c < 128 ? AsciiFold[c] : char.ToUpperInvariant(c);

    private static int Hash(char c0, char c1, char c2) => ((c0 * 0x9E5) ^ (c1 * 0x3B1) ^ c2 * 0x1F) & Mask;

    private static char[] BuildFold()
    {
        var fold = new char[128];
        for (var c = 0; c < 128; c++)
        {
            fold[c] = char.ToUpperInvariant((char)c);
        }

        return fold;
    }

    /// <summary>A literal, whether it must match case-sensitively, and the patterns that require it.</summary>
    internal readonly record struct Entry(string Literal, bool CaseSensitive, int[] Patterns)
    {
        public bool At(ReadOnlySpan<char> line, int index) =>
            line[index..].StartsWith(Literal, CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }
}
