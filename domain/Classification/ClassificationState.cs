using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>The running tallies of one classification: per-rule counts, the chunk being captured, the optional match list.</summary>
internal sealed class ClassificationState
{
    private readonly FailureClassifier _classifier;
    private readonly ClassificationOptions _options;
    private readonly int[] _counts;
    private readonly long[] _first;
    private readonly long[] _last;
    private readonly List<int> _order = [];
    private readonly List<LineMatch>? _matches;
    private readonly HashSet<string> _timedOut = new(StringComparer.Ordinal);
    private int _stamp;
    private long _matchedLines;

    public ClassificationState(FailureClassifier classifier, ClassificationOptions options)
    {
        _classifier = classifier;
        _options = options;
        var rules = classifier.Rules.Count;
        _counts = new int[rules];
        _first = new long[rules];
        _last = new long[rules];
        RuleMatched = new int[rules];
        PatternTried = new int[classifier.PatternCount];
        _matches = options.CollectMatches ? [] : null;
    }

    /// <summary>Per rule / pattern: the stamp of the last line it matched / was tried on (saves clearing per line).</summary>
    public int[] RuleMatched { get; }

    public int[] PatternTried { get; }

    /// <summary>Rules matched on the current line, in the order found.</summary>
    public List<int> LineRules { get; } = [];

    public ChunkCapture? Chunk { get; private set; }

    /// <summary>A repository pattern gave up on a line; the result says so instead of silently missing it.</summary>
    public void TimedOut(FailureRule rule) => _timedOut.Add(rule.Id);

    public int NextStamp()
    {
        LineRules.Clear();
        return ++_stamp;
    }

    public void Record(LineScanner scanner, ReadOnlySpan<char> line)
    {
        var number = scanner.LineNumber;
        _matchedLines++;
        LineRules.Sort();
        var best = -1;
        foreach (var r in LineRules)
        {
            if (_counts[r]++ == 0)
            {
                _first[r] = number;
                _order.Add(r);
            }

            _last[r] = number;
            _matches?.Add(new LineMatch(number, _classifier.RuleAt(r).Id));
            if (best < 0 || _classifier.RuleAt(r).Priority > _classifier.RuleAt(best).Priority)
            {
                best = r;
            }
        }

        // The chunk follows the first line of the most explanatory rule seen so far.
        if (Chunk is null || _classifier.RuleAt(best).Priority > Chunk.Rule.Priority)
        {
            Chunk = new ChunkCapture(_classifier.RuleAt(best), number, Before(scanner, best), line, _options.MaxChunkLines, _options.MaxLineLength, _classifier.PatternsOf(best));
        }
    }

    public ClassificationResult Result(long lines)
    {
        var hits = _order.Select(r => new RuleHit(_classifier.RuleAt(r), _counts[r], _first[r], _last[r])).ToList();
        string? reason = null;
        if (Chunk is null)
        {
            reason = lines == 0
                ? "the log is empty"
                : $"no failure found: none of the {_classifier.Rules.Count} rules matched any of the {lines} lines";
        }

        var warnings = _timedOut.Select(id => string.Create(CultureInfo.InvariantCulture, $"rule {id} timed out on at least one line (over {FailureClassifier.RepositoryPatternTimeout.TotalMilliseconds} ms); simplify its pattern")).ToList();
        return new ClassificationResult(hits, Chunk?.ToChunk(), reason, lines, _matches, _matchedLines, warnings);
    }

    private List<string> Before(LineScanner scanner, int rule)
    {
        var before = new List<string>();
        if (_classifier.BeforeAt(rule) is not { } pattern)
        {
            return before;
        }

        try
        {
            for (var back = 1; back < LineScanner.History && scanner.TryGetPrevious(back, out var previous) && pattern.IsMatch(previous); back++)
            {
                before.Insert(0, previous.ToString());
            }
        }
        catch (RegexMatchTimeoutException)
        {
            TimedOut(_classifier.RuleAt(rule));
        }

        return before;
    }
}
