using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Finds, in one left-to-right pass, the positions of a line where one of many literals (case-insensitive) may start.
/// Each literal's rarest three characters, case-folded, are hashed into a 32K-bit table that fits in L1 cache;
/// a position whose three characters hash to a set bit is checked against the few literals of that hash.
/// </summary>
/// <remarks>
/// Measured on a CI log with ~200 literals this is several times faster than <c>SearchValues&lt;string&gt;</c>, whose
/// Aho-Corasick path (used past a few dozen strings) costs tens of nanoseconds per character.
/// </remarks>
internal sealed class LiteralPrefilter
{
    private const int Bits = 15;

    private static readonly char[] AsciiFold = BuildFold();

    private readonly ulong[] _bitmap = new ulong[(1 << Bits) / 64];
    private readonly Entry[]?[] _buckets = new Entry[]?[1 << Bits];

    public LiteralPrefilter(IEnumerable<Entry> literals)
    {
        var buckets = new Dictionary<int, List<Entry>>();
        foreach (var given in literals)
        {
            var entry = given;
            if (entry.Literal.Length < RegexLiterals.MinLength)
            {
                throw new ArgumentException($"literal '{entry.Literal}' is shorter than {RegexLiterals.MinLength}", nameof(literals));
            }

            var literal = entry.Literal;
            var anchor = RarestTrigram(literal);
            entry = entry with { Anchor = anchor };
            var hash = Hash(Fold(literal[anchor]), Fold(literal[anchor + 1]), Fold(literal[anchor + 2]));
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

    /// <summary>
    /// The next position at or after <paramref name="from"/> where the anchor trigram of some literal may sit, with
    /// those literals; -1 when none. Check each candidate with <see cref="Entry.At"/> at that position.
    /// </summary>
    public int Next(ReadOnlySpan<char> line, int from, out Entry[] candidates)
    {
        if (line.Length - from >= 3)
        {
            // The hash of each position's three folded chars (7 bits each), spread over the table by a multiplicative
            // mix. Computed afresh at each position rather than rolled, so no iteration waits on the one before, and
            // without bounds checks (the loop's limits keep every read inside the line and the tables).
            ref var chars = ref MemoryMarshal.GetReference(line);
            ref var fold = ref MemoryMarshal.GetArrayDataReference(Fold7);
            ref var bitmap = ref MemoryMarshal.GetArrayDataReference(_bitmap);
            uint a = Unsafe.Add(ref fold, (int)Unsafe.Add(ref chars, from));
            uint b = Unsafe.Add(ref fold, (int)Unsafe.Add(ref chars, from + 1));
            for (var i = from + 2; i < line.Length; i++)
            {
                uint c = Unsafe.Add(ref fold, (int)Unsafe.Add(ref chars, i));
                var hash = Mix((int)((a << 14) | (b << 7) | c));
                if ((Unsafe.Add(ref bitmap, hash >> 6) & (1UL << hash)) != 0)
                {
                    candidates = _buckets[hash]!;
                    return i - 2;
                }

                (a, b) = (b, c);
            }
        }

        candidates = [];
        return -1;
    }

    /// <summary>Every UTF-16 char's fold (<see cref="Fold"/>) cut to the 7 bits the hash takes, so the loop needs no branch.</summary>
    private static readonly byte[] Fold7 = BuildFold7();

    private static byte[] BuildFold7()
    {
        var table = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = (byte)(Fold((char)c) & 0x7F);
        }

        return table;
    }

    /// <summary>The case folding OrdinalIgnoreCase uses (simple upper-casing), with a table for ASCII.</summary>
    private static char Fold(char c) => c < 128 ? AsciiFold[c] : char.ToUpperInvariant(c);

    /// <summary>Three folded chars to a table index: the same value <see cref="Next"/> computes as it rolls along the line.</summary>
    private static int Hash(char c0, char c1, char c2) => Mix(((c0 & 0x7F) << 14) | ((c1 & 0x7F) << 7) | (c2 & 0x7F));

    private static int Mix(int window) => (int)((uint)window * 2654435761u >> (32 - Bits));

    private static char[] BuildFold()
    {
        var fold = new char[128];
        for (var c = 0; c < 128; c++)
        {
            fold[c] = char.ToUpperInvariant((char)c);
        }

        return fold;
    }

    /// <summary>
    /// The literal's three characters least likely to occur by chance in a log (rare letters and punctuation over
    /// vowels, spaces and common consonants), so that common text ("com.acme…" for "Communications link failure")
    /// does not raise a candidate at every turn.
    /// </summary>
    /// <summary>Trigrams frequent in English and build logs even though their letters are not the most frequent.</summary>
    private static readonly HashSet<string> CommonTrigrams =
    [
        "ing", "ng ", "the", "and", "ion", "tio", "ent", "for", "ati", "ter", "ate", "her", "con", "com", "ver", "pro", "res",
        "ers", "ons", "err", "rro", "ror", "ore", "ode", "all", "ed ", "on ", "to ", "of ", " th", " co", "re ", "at ", "in ",
        "er ", "es ", "vic", "ice", "run", "---", "===", "npm", "fro", "rom", "pac", "ack", "tp/", "htt", "ttp", "ps:", "://",
        "ser", "ces", "ect", "nec", "tim", "ime", "out", "ail", "fai", "led", "tes", "est", "lin", "ine", "ava", "jav", "org",
    ];

    private static int RarestTrigram(string literal)
    {
        var best = 0;
        var bestScore = int.MaxValue;
        for (var k = 0; k + 2 < literal.Length; k++)
        {
            var score = Commonness(literal[k]) + Commonness(literal[k + 1]) + Commonness(literal[k + 2])
                        + (CommonTrigrams.Contains(literal.Substring(k, 3).ToLowerInvariant()) ? 300 : 0);
            if (score < bestScore)
            {
                (best, bestScore) = (k, score);
            }
        }

        return best;
    }

    /// <summary>Rough frequency per mille of a character in English text and log lines (case-folded).</summary>
    private static int Commonness(char c) => char.ToLowerInvariant(c) switch
    {
        ' ' => 150,
        'e' => 127,
        't' => 91,
        'a' => 82,
        'o' => 75,
        'i' => 70,
        'n' => 67,
        's' => 63,
        'h' => 61,
        'r' => 60,
        'd' => 43,
        'l' => 40,
        '.' or '/' => 40,
        'c' or 'u' => 28,
        >= '0' and <= '9' => 30,
        ':' or '-' => 30,
        'm' or 'w' => 24,
        'f' => 22,
        'g' or 'y' or '_' => 20,
        'p' => 19,
        'b' or ',' or '=' => 15,
        'v' => 10,
        'k' => 8,
        'j' or 'x' => 2,
        'q' or 'z' => 1,
        _ => 5,
    };

    /// <summary>A literal, whether it must match case-sensitively, the patterns that require it, and where its anchor trigram sits.</summary>
    internal readonly record struct Entry(string Literal, bool CaseSensitive, int[] Patterns, int Anchor = 0)
    {
        /// <summary>Whether the literal occurs with its anchor trigram at <paramref name="trigram"/>.</summary>
        public bool At(ReadOnlySpan<char> line, int trigram)
        {
            var start = trigram - Anchor;
            return start >= 0 && line[start..].StartsWith(Literal, CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }
    }
}
