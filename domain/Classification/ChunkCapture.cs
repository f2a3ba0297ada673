using System.Text;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Collects the failure chunk as the log streams past: the anchor line, then the lines that continue it (indented
/// frames, "Caused by:", "---> inner", Python's traceback tail, Go goroutines, pytest "E" lines, blank lines inside
/// such a block), stopping at the first line that starts something else or at the size limit.
/// </summary>
internal sealed partial class ChunkCapture
{
    private readonly StringBuilder _text = new();
    private readonly int _maxLines;
    private readonly int _maxLineLength;
    private readonly IReadOnlyList<Regex> _sameRule;
    private int _pendingBlanks;
    private int _lines;

    /// <param name="sameRule">The anchor rule's patterns: a directly following line that matches the same rule (the next
    /// compiler error, the next failed test) belongs to the chunk too.</param>
    public ChunkCapture(FailureRule rule, long anchorLine, IReadOnlyList<string> before, ReadOnlySpan<char> anchor, int maxLines, int maxLineLength, IReadOnlyList<Regex>? sameRule = null)
    {
        Rule = rule;
        _sameRule = sameRule ?? [];
        _maxLines = maxLines;
        _maxLineLength = maxLineLength;
        StartLine = anchorLine - before.Count;
        EndLine = StartLine - 1;
        foreach (var line in before)
        {
            Append(line);
        }

        Append(anchor);
    }

    public FailureRule Rule { get; }

    public long StartLine { get; }

    public long EndLine { get; private set; }

    public bool Open { get; private set; } = true;

    public bool Truncated { get; private set; }

    /// <summary>Stops the capture: nothing after this line belongs to it.</summary>
    public void Close() => Open = false;

    /// <summary>Offers the next log line; the capture closes at the first line that does not continue the block.</summary>
    public void Offer(ReadOnlySpan<char> line)
    {
        if (!Open)
        {
            return;
        }

        if (line.IsWhiteSpace())
        {
            // A blank line belongs to the chunk only if the block goes on after it (Jest, pytest, .NET test output).
            if (++_pendingBlanks > 2)
            {
                Open = false;
            }

            return;
        }

        // The same rule again continues the block only directly (the next compiler error), not after a blank line
        // (where test runners print their summary).
        if (!IsContinuation(line) && !(_pendingBlanks == 0 && MatchesSameRule(line)))
        {
            Open = false;
            return;
        }

        if (_lines + _pendingBlanks + 1 > _maxLines)
        {
            Truncated = true;
            Open = false;
            return;
        }

        for (; _pendingBlanks > 0; _pendingBlanks--)
        {
            Append([]);
        }

        Append(line);
    }

    /// <summary>The chunk, with credentials masked: it is meant to be quoted in issue notes.</summary>
    public FailureChunk ToChunk() => new(StartLine, EndLine, SecretRedactor.Redact(_text.ToString()), Rule.Id, Truncated);

    private void Append(ReadOnlySpan<char> line)
    {
        if (_lines > 0)
        {
            _text.Append('\n');
        }

        if (line.Length > _maxLineLength)
        {
            _text.Append(line[.._maxLineLength]).Append('…');
        }
        else
        {
            _text.Append(line);
        }

        _lines++;
        EndLine++;
    }

    private bool MatchesSameRule(ReadOnlySpan<char> line)
    {
        foreach (var regex in _sameRule)
        {
            if (regex.IsMatch(line))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsContinuation(ReadOnlySpan<char> line) => (line.Length > 0 && line[0] is ' ' or '\t') || Continuation().IsMatch(line);

    [GeneratedRegex(
        """
        ^(?:(?:Caused\ by|Suppressed):\ |\s*\.\.\.\ \d+\ (?:more|common\ frames\ omitted)|\s*--->\ |\s*---\ End\ of\ 
        |During\ handling\ of\ the\ above\ exception|The\ above\ exception\ was\ the\ direct\ cause|Traceback\ \(most\ recent\ call\ last\)
        |goroutine\ \d+\ \[|(?:[\w$]+\.)+[\w$]*(?:Exception|Error|Failure|Throwable)\b|[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Warning)(?::|$)
        |[\w./-]+\.\w+:\d+:\ \w*(?:Error|Exception)\b|(?:Expected|Actual|Received|But\ was):|E\s|>\s|\[ERROR\]\s{2,}|\[ERROR\]\ ->|[\w./-]+\.(?:\(\*?\w+\)\.)?\w+\(.*\)$|\d+\ \||\s*\^)
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Continuation();
}
