namespace RagnarokOps.Domain.Environments;

/// <summary>
/// A file an environment branch changed since it left its predecessor (merge base → branch), with both versions
/// when it is a config file, and the last commit that touched it on the branch.
/// </summary>
public sealed record ChangedFile(
    string Path,
    string? OldPath,
    string Change,
    string Hunk,
    string? BaseContent,
    string? Content,
    CommitRef? IntroducedBy);

/// <summary>One difference: a whole file, or one key of a config file.</summary>
/// <param name="Change">added, removed, changed (file) or key-added, key-removed, key-changed.</param>
/// <param name="Reason">For an expected difference, why it is expected; for an unexpected one, null.</param>
public sealed record DriftFinding(
    string Path,
    string? Key,
    string Change,
    string? BaseValue,
    string? Value,
    string Hunk,
    CommitRef? IntroducedBy,
    string? Reason = null);

/// <summary>The drift of one environment against the environment it is promoted from.</summary>
public sealed record LinkDrift(
    string From,
    string To,
    string FromBranch,
    string ToBranch,
    string? MergeBase,
    IReadOnlyList<DriftFinding> Unexpected,
    IReadOnlyList<DriftFinding> Expected,
    string? Problem = null);

/// <summary>Every link of a project's promotion chain.</summary>
public sealed record DriftReport(string Project, string Source, string? Notice, IReadOnlyList<LinkDrift> Links, DateTimeOffset At)
{
    public int UnexpectedCount => Links.Sum(l => l.Unexpected.Count);

    public bool HasDrift => UnexpectedCount > 0;
}
