using System.Buffers;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Classifies a log against a <see cref="RuleSet"/> in one streaming pass. Build it once per rule set (it compiles the
/// regexes and the literal prefilter) and reuse it: it is immutable and thread-safe; each call keeps its own state.
/// </summary>
/// <remarks>
/// Speed comes from the prefilter: every pattern's required literals go into one <see cref="SearchValues{T}"/>
/// searched per line with a vectorised multi-string search; only the patterns whose literal occurs on the line are
/// run. Patterns without a usable literal (see <see cref="RegexLiterals"/>) run on every line.
/// </remarks>
public sealed class FailureClassifier
{
    private static readonly Lazy<FailureClassifier> BuiltInLazy = new(() => new FailureClassifier(RuleSet.BuiltIn));

    private readonly CompiledPattern[] _patterns;
    private readonly int[] _alwaysRun;
    private readonly SearchValues<string>? _literals;
    private readonly Dictionary<char, (string Literal, int[] Patterns)[]> _byFirstChar;
    private readonly Regex?[] _before;

    public FailureClassifier(RuleSet rules)
    {
        Rules = rules.Rules;
        var patterns = new List<CompiledPattern>();
        var literalPatterns = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        _before = new Regex?[Rules.Count];
        for (var r = 0; r < Rules.Count; r++)
        {
            var rule = Rules[r];
            if (rule.ContextBefore is { } before)
            {
                _before[r] = new Regex(before, RegexOptions.CultureInvariant);
            }

            foreach (var pattern in rule.Patterns)
            {
                var index = patterns.Count;
                patterns.Add(new CompiledPattern(r, new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant)));
                var literals = RegexLiterals.Required(pattern);
                if (literals is null)
                {
                    always.Add(index);
                    continue;
                }

                foreach (var literal in literals)
                {
                    if (!literalPatterns.TryGetValue(literal, out var list))
                    {
                        literalPatterns[literal] = list = [];
                    }

                    list.Add(index);
                }
            }
        }

        _patterns = [.. patterns];
        _alwaysRun = [.. always];
        _literals = literalPatterns.Count == 0 ? null : SearchValues.Create([.. literalPatterns.Keys], StringComparison.OrdinalIgnoreCase);
        _byFirstChar = literalPatterns
            .GroupBy(kv => char.ToLowerInvariant(kv.Key[0]))
            .ToDictionary(g => g.Key, g => g.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray());
        UnfilteredPatterns = always.Select(i => Rules[_patterns[i].Rule].Id).Distinct().ToList();
    }

    /// <summary>A classifier over the built-in rules, built once per process.</summary>
    public static FailureClassifier BuiltIn => BuiltInLazy.Value;

    public IReadOnlyList<FailureRule> Rules { get; }

    /// <summary>Ids of rules with a pattern the prefilter cannot cover; they cost a regex on every line.</summary>
    public IReadOnlyList<string> UnfilteredPatterns { get; }

    /// <summary>Classifies the log <paramref name="log"/>, reading it once, line by line.</summary>
    public ClassificationResult Classify(TextReader log, ClassificationOptions? options = null)
    {
        var state = new ClassificationState(this, options ?? new ClassificationOptions());
        var scanner = new LineScanner(log);
        while (scanner.TryReadLine(out var line))
        {
            state.Chunk?.Offer(line);
            if (!MatchLine(line, state))
            {
                continue;
            }

            state.Record(scanner, line);
        }

        return state.Result(scanner.LineNumber);
    }

    /// <summary>Classifies text already in memory (tests, short job traces).</summary>
    public ClassificationResult Classify(string log, ClassificationOptions? options = null) => Classify(new StringReader(log), options);

    internal FailureRule RuleAt(int index) => Rules[index];

    internal Regex? BeforeAt(int index) => _before[index];

    private bool MatchLine(ReadOnlySpan<char> line, ClassificationState state)
    {
        var stamp = state.NextStamp();
        var any = false;
        foreach (var p in _alwaysRun)
        {
            any |= TryPattern(p, line, state, stamp);
        }

        if (_literals is null)
        {
            return any;
        }

        var offset = 0;
        while (offset < line.Length)
        {
            var hit = line[offset..].IndexOfAny(_literals);
            if (hit < 0)
            {
                break;
            }

            hit += offset;
            if (_byFirstChar.TryGetValue(char.ToLowerInvariant(line[hit]), out var candidates))
            {
                foreach (var (literal, patterns) in candidates)
                {
                    if (!line[hit..].StartsWith(literal, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    foreach (var p in patterns)
                    {
                        any |= TryPattern(p, line, state, stamp);
                    }
                }
            }
            else
            {
                // A literal whose first char lower-cases differently (rare non-ASCII): try every pattern once.
                for (var p = 0; p < _patterns.Length; p++)
                {
                    any |= TryPattern(p, line, state, stamp);
                }
            }

            offset = hit + 1;
        }

        return any;
    }

    private bool TryPattern(int index, ReadOnlySpan<char> line, ClassificationState state, int stamp)
    {
        var pattern = _patterns[index];
        if (state.PatternTried[index] == stamp || state.RuleMatched[pattern.Rule] == stamp)
        {
            return false;
        }

        state.PatternTried[index] = stamp;
        if (!pattern.Regex.IsMatch(line))
        {
            return false;
        }

        state.RuleMatched[pattern.Rule] = stamp;
        state.LineRules.Add(pattern.Rule);
        return true;
    }

    internal int PatternCount => _patterns.Length;

    private readonly record struct CompiledPattern(int Rule, Regex Regex);
}
