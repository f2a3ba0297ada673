namespace RagnarokOps.Domain.Scoring;

/// <summary>Ranked hypotheses (best first) and the verdict in one sentence.</summary>
/// <param name="ReferenceTime">The instant time-to-onset is measured to, and <see cref="ReferenceSource"/> says why.</param>
/// <param name="Notes">What the scorer set aside and why (merge commits, changes after onset).</param>
public sealed record DiagnosisResult(
    IReadOnlyList<Hypothesis> Hypotheses,
    DateTimeOffset? ReferenceTime,
    string ReferenceSource,
    string Verdict,
    IReadOnlyList<string> Notes)
{
    /// <summary>At or above this confidence a hypothesis is reported as likely; below it the report says the cause is open.</summary>
    public const double Likely = 0.8;

    public Hypothesis? Top => Hypotheses.Count > 0 ? Hypotheses[0] : null;
}
