namespace RagnarokOps.Domain.Classification;

/// <summary>What to try first for one matched rule: the rule's own hint, or one derived from the rule when it has none.</summary>
public sealed record FixHint(string RuleId, string Text, bool Derived);

/// <summary>Whether a test, check or guard could have caught the failure, and which rule says so (or why nobody can tell).</summary>
public sealed record Preventability(bool Preventable, string? RuleId, string Reason);

/// <summary>
/// A log's triage: the classification, its severity (null when nothing failed; <see cref="NoFailureReason"/> says why),
/// the failure type and category of the rule that anchored the chunk, fix hints per matched rule, and preventability.
/// </summary>
public sealed record LogTriageReport(
    ClassificationResult Classification,
    SeverityAssessment? Severity,
    FailureRule? Failure,
    IReadOnlyList<FixHint> Hints,
    Preventability Preventable)
{
    public string? NoFailureReason => Classification.HasFailure ? null : Classification.NoChunkReason ?? "no failure found";
}

/// <summary>Grades a classification as <c>ragnarok classify</c> and <c>POST /api/triage</c> both do.</summary>
public static class LogTriage
{
    /// <summary>A log without a failure is not graded: null, and the caller shows the reason, never a default P3.</summary>
    public static SeverityAssessment? Grade(ClassificationResult classification) =>
        classification.HasFailure
            ? SeverityAssessor.Assess(new SeverityFacts(classification.Rules.Select(r => r.Rule).ToList()))
            : null;

    public static LogTriageReport Triage(ClassificationResult classification)
    {
        var failure = classification.Chunk is { } chunk
            ? classification.Rules.Select(r => r.Rule).FirstOrDefault(r => r.Id == chunk.RuleId)
            : null;
        var hints = classification.Rules
            .Select(hit => string.IsNullOrWhiteSpace(hit.Rule.Hint)
                ? new FixHint(hit.Rule.Id, $"{hit.Rule.Title} ({hit.Rule.Category}): start at line {hit.FirstLine}, the first of {hit.Count} matching line(s).", Derived: true)
                : new FixHint(hit.Rule.Id, hit.Rule.Hint, Derived: false))
            .ToList();
        var preventable = failure switch
        {
            null => new Preventability(false, null, classification.NoChunkReason ?? "no failure found"),
            { Preventable: true } => new Preventability(true, failure.Id, $"rule {failure.Id} ({failure.Title}) is marked preventable: a test, check or guard could have caught it before production"),
            _ => new Preventability(false, failure.Id, $"rule {failure.Id} ({failure.Title}) is not marked preventable: it comes from the environment, not from a change a check could catch"),
        };
        return new LogTriageReport(classification, Grade(classification), failure, hints, preventable);
    }
}
