namespace RagnarokOps.Domain.Classification;

/// <summary>A rule that matched a log: on how many lines, and the first and last of them (1-based).</summary>
public sealed record RuleHit(FailureRule Rule, int Count, long FirstLine, long LastLine);

/// <summary>One matching line and the rule it matched (only collected when asked for).</summary>
public sealed record LineMatch(long Line, string RuleId);

/// <summary>The lines that explain the failure: the anchor match plus its stack, cause chain or details.</summary>
/// <param name="RuleId">The rule whose match anchored the chunk.</param>
/// <param name="Truncated">True when the chunk was cut at its size limit.</param>
public sealed record FailureChunk(long StartLine, long EndLine, string Text, string RuleId, bool Truncated);

/// <summary>
/// What a log says: the matched rules in order of first appearance, the failure chunk, and when there is no chunk,
/// why (<see cref="NoChunkReason"/>). A missing answer always says why.
/// </summary>
/// <param name="Lines">Lines read, counted as <see cref="TextReader.ReadLine"/> counts them.</param>
/// <param name="MatchedLines">Lines that matched at least one rule.</param>
/// <param name="Warnings">Partial answers worth showing (a repository pattern that timed out).</param>
public sealed record ClassificationResult(
    IReadOnlyList<RuleHit> Rules,
    FailureChunk? Chunk,
    string? NoChunkReason,
    long Lines,
    IReadOnlyList<LineMatch>? Matches,
    long MatchedLines = 0,
    IReadOnlyList<string>? Warnings = null)
{
    public bool HasFailure => Chunk is not null;

    /// <summary>System and service alert lines (kernel, hardware, OOM killer …) with their category and level; empty for a healthy log.</summary>
    public IReadOnlyList<AlertLine> Alerts { get; init; } = [];

    /// <summary>Matching lines that could not anchor the chunk because the green run (the baseline) printed them too.</summary>
    public int BaselineSkipped { get; init; }
}

/// <summary>A line that a system-alert rule matched: its 1-based number, the rule, the category and the line's level field.</summary>
public sealed record AlertLine(long Line, string RuleId, string Category, string? Level);

/// <summary>Knobs for one classification.</summary>
/// <param name="CollectMatches">Also return every matching line (ragnarok classify --lines).</param>
/// <param name="MaxChunkLines">Upper bound on the chunk's lines; stacks are cut there.</param>
/// <param name="MaxLineLength">Chunk lines longer than this are shortened (minified bundles, progress bars).</param>
/// <param name="MaxAlerts">Upper bound on the alert lines returned (a flood of kernel messages stays bounded).</param>
public sealed record ClassificationOptions(bool CollectMatches = false, int MaxChunkLines = 60, int MaxLineLength = 400, int MaxAlerts = 1000);
