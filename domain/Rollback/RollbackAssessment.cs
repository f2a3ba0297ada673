using System.Globalization;

namespace RagnarokOps.Domain.Rollback;

/// <summary>How risky a rollback is, and every reason, each naming the file:line of its finding.</summary>
public sealed record RollbackAssessment(RiskLevel Risk, IReadOnlyList<string> Reasons, IReadOnlyList<MigrationFinding> Findings)
{
    public string RiskName => Risk.ToString().ToLowerInvariant();

    /// <summary>
    /// High when a finding is high (dropped tables or columns, deleted rows): the rolled-back code meets a database it
    /// no longer matches. Medium for type changes, NOT NULL without default, renames, or more commits than the policy
    /// allows. Low otherwise, still naming added schema.
    /// </summary>
    public static RollbackAssessment Assess(IReadOnlyList<MigrationFinding> findings, int commits, int maxCommits)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var reasons = new List<string>();
        foreach (var f in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{f.Severity.ToString().ToLowerInvariant()}: {f.Where} ({f.Framework}, {f.Check}, commit {Short(f.Commit)}) `{f.Statement}` {f.Reason}"));
        }

        var risk = findings.Count == 0 ? RiskLevel.Low : findings.Max(f => f.Severity);
        if (commits > maxCommits)
        {
            risk = risk < RiskLevel.Medium ? RiskLevel.Medium : risk;
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"medium: the rollback undoes {commits} commits, more than rollback.max_commits ({maxCommits})"));
        }

        if (findings.Count == 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"low: no database migration among the {commits} undone commit(s)"));
        }

        return new RollbackAssessment(risk, reasons, findings);
    }

    public static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;
}
