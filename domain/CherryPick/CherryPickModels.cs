using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.CherryPick;

/// <summary>How a file of a cherry-pick lands on the target.</summary>
public enum CherryPickTier
{
    /// <summary>Applies without a conflict.</summary>
    Clean = 0,

    /// <summary>Conflicts in a path a rule of envsync.yaml resolves (lockfile, generated, changelog).</summary>
    Rule = 1,

    /// <summary>A proposed resolution at or above the project's threshold; a person approves it.</summary>
    Proposed = 2,

    /// <summary>Below the threshold or not resolvable: a person resolves it by hand.</summary>
    Manual = 3,
}

/// <summary>The cherry-pick section of envsync.yaml: the confidence a proposal needs to be offered for approval.</summary>
public sealed record CherryPickSettings(double Threshold, int Line = 0)
{
    public const double DefaultThreshold = 0.8;

    public static CherryPickSettings Default { get; } = new(DefaultThreshold);
}

/// <summary>One conflicting region: both sides, where it sits, and why it got the confidence it got.</summary>
public sealed record ConflictHunk(int BaseLine, int TargetLine, IReadOnlyList<string> Base, IReadOnlyList<string> Target, IReadOnlyList<string> Source, double Confidence, string Reason);

/// <summary>
/// One file of the plan: its tier, the content it will have on the cherry-pick branch (null for tier 3 and deletions),
/// and the conflicts a person sees.
/// </summary>
public sealed record FileResolution(
    string Path,
    CherryPickTier Tier,
    string? Content,
    bool Delete,
    double Confidence,
    string Reason,
    IReadOnlyList<ConflictHunk> Hunks,
    ConflictStrategy? Rule = null);
