namespace RagnarokOps.Domain.Environments;

/// <summary>
/// The environment branches of one repository (<c>envsync.yaml</c>, or the same sections in <c>.ragnarok.yaml</c>),
/// parsed and validated. Immutable; <see cref="Promotion"/> always names environments of <see cref="Environments"/>.
/// </summary>
/// <param name="Source">Where it came from: <c>envsync.yaml</c>, <c>.ragnarok.yaml</c> or <c>defaults</c>.</param>
/// <param name="Notice">What a person should know about how it was read (defaults used, chain inferred), or null.</param>
public sealed record EnvironmentTopology(
    IReadOnlyList<EnvironmentBranch> Environments,
    IReadOnlyList<string> Promotion,
    DriftRules Drift,
    IReadOnlyList<ConflictRule> Conflicts,
    RollbackPolicy Rollback,
    string Source,
    string? Notice)
{
    public const string DefaultsSource = "defaults";

    /// <summary>The <c>cherry_pick</c> section: how sure a proposed resolution must be to be offered for approval.</summary>
    public RagnarokOps.Domain.CherryPick.CherryPickSettings CherryPick { get; init; } = RagnarokOps.Domain.CherryPick.CherryPickSettings.Default;

    public bool IsDefault => Source == DefaultsSource;

    public EnvironmentBranch? Find(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The environments in promotion order (those outside the chain last, in file order).</summary>
    public IReadOnlyList<EnvironmentBranch> Ordered() =>
        [.. Promotion.Select(p => Find(p)!), .. Environments.Where(e => !Promotion.Contains(e.Name, StringComparer.OrdinalIgnoreCase))];

    /// <summary>The environment a change in <paramref name="name"/> is promoted to, or null at the end of the chain.</summary>
    public EnvironmentBranch? Next(string name)
    {
        var i = IndexInChain(name);
        return i >= 0 && i + 1 < Promotion.Count ? Find(Promotion[i + 1]) : null;
    }

    public EnvironmentBranch? Previous(string name)
    {
        var i = IndexInChain(name);
        return i > 0 ? Find(Promotion[i - 1]) : null;
    }

    /// <summary>Each environment of the chain after the first, with the one it is promoted from.</summary>
    public IReadOnlyList<(EnvironmentBranch From, EnvironmentBranch To)> Links() =>
        [.. Enumerable.Range(1, Math.Max(0, Promotion.Count - 1)).Select(i => (Find(Promotion[i - 1])!, Find(Promotion[i])!))];

    private int IndexInChain(string name)
    {
        for (var i = 0; i < Promotion.Count; i++)
        {
            if (string.Equals(Promotion[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>An environment and the branch that feeds it.</summary>
/// <param name="GitLabEnvironment">The GitLab environment its deployments are recorded under (defaults to <paramref name="Name"/>).</param>
/// <param name="Protected">Never written directly: promotion and rollback go through merge requests and approval.</param>
public sealed record EnvironmentBranch(string Name, string Branch, string GitLabEnvironment, bool Protected, int Line = 0);

/// <summary>When drift checks run and which differences between an environment and its predecessor are expected.</summary>
/// <param name="Schedule">Five-field cron expression (UTC).</param>
public sealed record DriftRules(string Schedule, IReadOnlyList<ExpectedDifference> Expected)
{
    public const string DefaultSchedule = "0 * * * *";

    public static DriftRules Default { get; } = new(DefaultSchedule, []);
}

/// <summary>
/// A difference that is allowed, as Argo CD's ignoreDifferences: a path glob, and optionally key globs inside that
/// (config) file; without keys the whole file may differ.
/// </summary>
public sealed record ExpectedDifference(string Path, IReadOnlyList<string> Keys, string? Reason, int Line = 0);

/// <summary>How a conflict in matching paths may be resolved without a person.</summary>
public sealed record ConflictRule(string Path, ConflictStrategy Strategy, int Line = 0);

public enum ConflictStrategy
{
    /// <summary>Keep the target branch's version (lockfiles, generated code of the target).</summary>
    TakeTarget,

    /// <summary>Take the incoming change.</summary>
    TakeSource,

    /// <summary>Both sides' lines, once each (changelogs).</summary>
    Union,

    /// <summary>Regenerate after the merge (lockfiles).</summary>
    Regenerate,
}

/// <summary>What a rollback needs before it runs.</summary>
/// <param name="RequireApproval">protected (default), always or never.</param>
/// <param name="MaxCommits">The most commits one rollback may undo.</param>
public sealed record RollbackPolicy(string RequireApproval, int MaxCommits)
{
    public static RollbackPolicy Default { get; } = new("protected", 50);
}
