using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Classifies a log against a <see cref="RuleSet"/> in one streaming pass. Build it once per rule set (it compiles the
/// regexes and the literal prefilter) and reuse it: it is immutable and thread-safe; each call keeps its own state.
/// </summary>
/// <remarks>
/// Speed comes from the prefilter: every pattern's required literals go into one <see cref="LiteralPrefilter"/>
/// that finds, in a single pass over the line, where any of them may start; only the patterns whose literal occurs
/// on the line are run. Patterns without a usable literal (see <see cref="RegexLiterals"/>) run on every line.
/// </remarks>
public sealed class FailureClassifier
{
    private static readonly Lazy<FailureClassifier> BuiltInLazy = new(() => new FailureClassifier(RuleSet.BuiltIn));

    private readonly CompiledPattern[] _patterns;
    private readonly int[] _alwaysRun;
    private readonly LiteralPrefilter? _prefilter;
    private readonly Regex?[] _before;
    private readonly Regex[][] _rulePatterns;

    /// <summary>Longest a repository pattern that needs backtracking may run on one line before it counts as no match.</summary>
    public static readonly TimeSpan RepositoryPatternTimeout = TimeSpan.FromMilliseconds(250);

    public FailureClassifier(RuleSet rules)
    {
        Rules = rules.Rules;
        var patterns = new List<CompiledPattern>();
        var literalPatterns = new Dictionary<(string Literal, bool CaseSensitive), List<int>>();
        var always = new List<int>();
        _before = new Regex?[Rules.Count];
        for (var r = 0; r < Rules.Count; r++)
        {
            var rule = Rules[r];
            if (rule.ContextBefore is { } before)
            {
                _before[r] = Compile(before, rule.Source);
            }

            foreach (var pattern in rule.Patterns)
            {
                var index = patterns.Count;
                patterns.Add(new CompiledPattern(r, Compile(pattern, rule.Source)));
                var literals = RegexLiterals.Required(pattern);
                if (literals is null)
                {
                    always.Add(index);
                    continue;
                }

                var caseSensitive = !RegexLiterals.IgnoresCase(pattern);
                foreach (var literal in literals)
                {
                    if (!literalPatterns.TryGetValue((literal, caseSensitive), out var list))
                    {
                        literalPatterns[(literal, caseSensitive)] = list = [];
                    }

                    list.Add(index);
                }
            }
        }

        _patterns = [.. patterns];
        _rulePatterns = [.. Enumerable.Range(0, Rules.Count).Select(r => patterns.Where(p => p.Rule == r).Select(p => p.Regex).ToArray())];
        _alwaysRun = [.. always];
        _prefilter = literalPatterns.Count == 0 ? null : new LiteralPrefilter(literalPatterns.Select(kv => new LiteralPrefilter.Entry(kv.Key.Literal, kv.Key.CaseSensitive, [.. kv.Value])));
        UnfilteredPatterns = always.Select(i => Rules[_patterns[i].Rule].Id).Distinct().ToList();
    }

    /// <summary>A classifier over the built-in rules, built once per process.</summary>
    public static FailureClassifier BuiltIn => BuiltInLazy.Value;

    public IReadOnlyList<FailureRule> Rules { get; }

    /// <summary>Ids of rules with a pattern the prefilter cannot cover; they cost a regex on every line.</summary>
    public IReadOnlyList<string> UnfilteredPatterns { get; }

    /// <summary>Classifies the log <paramref name="log"/>, reading it once, line by line.</summary>
    public ClassificationResult Classify(TextReader log, ClassificationOptions? options = null) => Classify(log, baseline: null, options);

    /// <summary>
    /// Classifies <paramref name="log"/> after normalising terminal output (escape codes, '\r' overwrites, fold markers,
    /// timestamps). In a CI job trace the chunk comes from the first command that failed (its runner's exit-code marker),
    /// and a trace without a failed command reports no failure. With a <paramref name="baseline"/> (the last green run of
    /// the same job), lines the green run also printed cannot anchor the chunk.
    /// </summary>
    public ClassificationResult Classify(TextReader log, BaselineLog? baseline, ClassificationOptions? options = null)
    {
        var state = new ClassificationState(this, options ?? new ClassificationOptions(), baseline);
        var reader = new LogicalLineReader(log);
        while (reader.TryReadLine(out var line))
        {
            state.Offer(line);
            if (MatchLine(line, state))
            {
                state.Record(reader, line);
            }

            // After the rules: a marker line that a rule explains ("Job failed: execution took longer …") counts in its block.
            var marker = CiMarkers.Of(line, reader.Scanner.Current, checkStructure: !state.IsCi);
            if (marker != CiMarker.None)
            {
                state.Marker(marker, reader, line);
            }
        }

        return state.Result(reader.PhysicalLines);
    }

    /// <summary>Classifies text already in memory (tests, short job traces).</summary>
    public ClassificationResult Classify(string log, ClassificationOptions? options = null) => Classify(new StringReader(log), options);

    /// <summary>Classifies a failed log against the last green run of the same job (both in memory).</summary>
    public ClassificationResult Classify(string log, string baseline, ClassificationOptions? options = null) =>
        Classify(new StringReader(log), BaselineLog.Parse(baseline), options);

    internal FailureRule RuleAt(int index) => Rules[index];

    internal Regex? BeforeAt(int index) => _before[index];

    internal IReadOnlyList<Regex> PatternsOf(int rule) => _rulePatterns[rule];

    /// <summary>
    /// Built-in patterns are ours and compiled for speed. A repository's patterns are not: they get the linear-time
    /// engine when it supports them (no lookarounds or backreferences), else a match timeout, so a careless
    /// pattern cannot stall a classification.
    /// </summary>
    private static Regex Compile(string pattern, string source)
    {
        if (source == FailureRule.BuiltInSource)
        {
            return new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }

        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, RepositoryPatternTimeout);
        }
    }

    private bool MatchLine(ReadOnlySpan<char> line, ClassificationState state)
    {
        var stamp = state.NextStamp();
        var any = false;
        foreach (var p in _alwaysRun)
        {
            any |= TryPattern(p, line, state, stamp);
        }

        if (_prefilter is null)
        {
            return any;
        }

        for (var at = _prefilter.Next(line, 0, out var candidates); at >= 0; at = _prefilter.Next(line, at + 1, out candidates))
        {
            foreach (var candidate in candidates)
            {
                if (!candidate.At(line, at))
                {
                    continue;
                }

                foreach (var p in candidate.Patterns)
                {
                    any |= TryPattern(p, line, state, stamp);
                }
            }
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
        try
        {
            if (!pattern.Regex.IsMatch(line))
            {
                return false;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            state.TimedOut(RuleAt(pattern.Rule));
            return false;
        }

        state.RuleMatched[pattern.Rule] = stamp;
        state.LineRules.Add(pattern.Rule);
        return true;
    }

    internal int PatternCount => _patterns.Length;

    private readonly record struct CompiledPattern(int Rule, Regex Regex);
}
