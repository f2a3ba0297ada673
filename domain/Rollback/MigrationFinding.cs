namespace RagnarokOps.Domain.Rollback;

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>One file of a commit a rollback would undo: its path and the unified diff GitLab reports for it.</summary>
public sealed record UndoneFile(string Commit, string Path, string Diff, bool Deleted = false);

/// <summary>
/// A statement in a migration the rollback would undo, with the check it trips (as squawk and strong_migrations name
/// them), how much it matters for a rollback, and why.
/// </summary>
/// <param name="Check">drop-table, drop-column, change-type, not-null-without-default, data-delete, rename, add-schema.</param>
public sealed record MigrationFinding(string Commit, string Path, int Line, string Framework, string Check, RiskLevel Severity, string Statement, string Reason)
{
    public string Where => $"{Path}:{Line}";
}
