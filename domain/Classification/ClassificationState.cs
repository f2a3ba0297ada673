using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// The running tallies of one classification: per-rule counts, the command blocks of a CI log with the best capture in
/// each, the chunk once a failure marker has named its block, the optional match and alert lists.
/// </summary>
internal sealed partial class ClassificationState
{
    private readonly FailureClassifier _classifier;
    private readonly ClassificationOptions _options;
    private readonly BaselineLog? _baseline;
    private readonly int[] _counts;
    private readonly long[] _first;
    private readonly long[] _last;
    private readonly List<int> _order = [];
    private readonly List<LineMatch>? _matches;
    private readonly List<AlertLine> _alerts = [];
    private readonly HashSet<string> _timedOut = new(StringComparer.Ordinal);
    private int _stamp;
    private long _matchedLines;

    // The whole log's best capture (plain logs), the current command block's, the last block's that had one, and the answer.
    private ChunkCapture? _global;
    private ChunkCapture? _block;
    private ChunkCapture? _previousBlock;
    private ChunkCapture? _frozen;
    private bool _ci;
    private long _succeededAt;
    private int _baselineSkipped;

    public ClassificationState(FailureClassifier classifier, ClassificationOptions options, BaselineLog? baseline)
    {
        _classifier = classifier;
        _options = options;
        _baseline = baseline;
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

    /// <summary>A repository pattern gave up on a line; the result says so instead of silently missing it.</summary>
    public void TimedOut(FailureRule rule) => _timedOut.Add(rule.Id);

    public int NextStamp()
    {
        LineRules.Clear();
        return ++_stamp;
    }

    /// <summary>Gives the line to every open capture (each once).</summary>
    public void Offer(ReadOnlySpan<char> line)
    {
        _global?.Offer(line);
        if (_block is not null && !ReferenceEquals(_block, _global))
        {
            _block.Offer(line);
        }

        if (_frozen is not null && !ReferenceEquals(_frozen, _global) && !ReferenceEquals(_frozen, _block))
        {
            _frozen.Offer(line);
        }
    }

    /// <summary>A CI runner's own line: blocks start, and the first failure marker freezes the chunk of its block.</summary>
    public void Marker(CiMarker marker, LogicalLineReader reader, ReadOnlySpan<char> line)
    {
        switch (marker)
        {
            case CiMarker.CommandStart:
                // "$ cmd" alone does not make a CI trace (pasted shell sessions look the same); it only starts a block.
                if (_block is not null)
                {
                    _previousBlock = _block;
                }

                _block = null;
                break;
            case CiMarker.CommandFailed:
                _ci = true;
                _frozen ??= Explained(reader) ?? Fallback(reader, line);
                break;
            case CiMarker.JobFailed:
                _ci = true;
                _frozen ??= Explained(reader) ?? _previousBlock ?? Fallback(reader, line);
                break;
            case CiMarker.JobSucceeded:
                _ci = true;
                _succeededAt = reader.LineNumber;
                break;
            case CiMarker.CiStructure:
                _ci = true;
                break;
        }
    }

    /// <summary>The block's capture, unless it is only the marker line itself matched by a generic ending rule.</summary>
    private ChunkCapture? Explained(LogicalLineReader reader) =>
        _block is { } block && !(block.StartLine == reader.LineNumber && block.Rule.Priority <= GenericEndingPriority) ? block : null;

    /// <summary>Rules at or below this priority only echo that something failed ("Job failed: exit code 1").</summary>
    private const int GenericEndingPriority = 10;

    /// <summary>True once the log is known to be a CI job trace (its structure lines need no more checking).</summary>
    public bool IsCi => _ci;

    public void Record(LogicalLineReader reader, ReadOnlySpan<char> line)
    {
        var number = reader.LineNumber;
        _matchedLines++;
        LineRules.Sort();
        var best = -1;
        foreach (var r in LineRules)
        {
            var rule = _classifier.RuleAt(r);
            if (_counts[r]++ == 0)
            {
                _first[r] = number;
                _order.Add(r);
            }

            _last[r] = number;
            _matches?.Add(new LineMatch(number, rule.Id));
            if (rule.Category.StartsWith("system", StringComparison.Ordinal) && _alerts.Count < _options.MaxAlerts)
            {
                _alerts.Add(new AlertLine(number, rule.Id, rule.Category, LogLevels.Of(line)));
            }

            if (best < 0 || rule.Priority > _classifier.RuleAt(best).Priority)
            {
                best = r;
            }
        }

        var bestRule = _classifier.RuleAt(best);
        var beatsGlobal = _global is null || bestRule.Priority > _global.Rule.Priority;
        var beatsBlock = _block is null || bestRule.Priority > _block.Rule.Priority;
        if (!beatsGlobal && !beatsBlock)
        {
            return;
        }

        if (_baseline is not null && _baseline.Contains(line))
        {
            // The green run printed this too: routine, not the failure.
            _baselineSkipped++;
            return;
        }

        // Each chunk follows the first line of the most explanatory rule seen so far (in the log, in the block).
        var capture = new ChunkCapture(bestRule, number, Before(reader.Scanner, best), line, _options.MaxChunkLines, _options.MaxLineLength, _classifier.PatternsOf(best));
        if (beatsGlobal)
        {
            _global = capture;
        }

        if (beatsBlock)
        {
            _block = capture;
        }
    }

    public ClassificationResult Result(long lines)
    {
        var hits = _order.Select(r => new RuleHit(_classifier.RuleAt(r), _counts[r], _first[r], _last[r])).ToList();
        var (chunk, reason) = Answer(lines);
        var warnings = _timedOut.Select(id => string.Create(CultureInfo.InvariantCulture, $"rule {id} timed out on at least one line (over {FailureClassifier.RepositoryPatternTimeout.TotalMilliseconds} ms); simplify its pattern")).ToList();
        return new ClassificationResult(hits, chunk?.ToChunk(), reason, lines, _matches, _matchedLines, warnings)
        {
            Alerts = _alerts,
            BaselineSkipped = _baselineSkipped,
        };
    }

    private (ChunkCapture? Chunk, string? Reason) Answer(long lines)
    {
        if (lines == 0)
        {
            return (null, "the log is empty");
        }

        if (_frozen is not null)
        {
            return (_frozen, null);
        }

        if (_succeededAt > 0)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no failure found in the {lines} lines: the job succeeded (line {_succeededAt})"));
        }

        if (_ci)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no failure found: the CI log shows no failed command in its {lines} lines (no exit-code or job-failed marker)"));
        }

        if (_global is not null)
        {
            return (_global, null);
        }

        return (null, _baselineSkipped > 0
            ? string.Create(CultureInfo.InvariantCulture, $"no failure found: the {_baselineSkipped} matching lines also appear in the green run")
            : $"no failure found: none of the {_classifier.Rules.Count} rules matched any of the {lines} lines");
    }

    /// <summary>A failed command whose output matched no rule: its last lines and the marker are the chunk.</summary>
    private ChunkCapture Fallback(LogicalLineReader reader, ReadOnlySpan<char> marker)
    {
        var before = new List<string>();
        for (var back = 1; back < LineScanner.History && before.Count < 3 && reader.Scanner.TryGetPrevious(back, out var previous); back++)
        {
            var text = TerminalText.CleanToString(previous);
            if (string.IsNullOrWhiteSpace(text) || CiMarkers.Of(text, previous, checkStructure: false) == CiMarker.CommandStart)
            {
                break;
            }

            before.Insert(0, text);
        }

        var capture = new ChunkCapture(CommandFailedRule, reader.LineNumber, before, marker, _options.MaxChunkLines, _options.MaxLineLength);
        capture.Close();
        return capture;
    }

    /// <summary>Names the chunk of a failed command that no rule explains.</summary>
    internal static readonly FailureRule CommandFailedRule = new(
        "ci-command-failed", "ci-runner", "A CI command failed without a recognised error", SeverityLevel.P3, [], "Read the command's last output lines; rerun it locally with more verbosity.", Preventable: true, Priority: 1);

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
