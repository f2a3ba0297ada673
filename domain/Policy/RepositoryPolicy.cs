using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Policy;

/// <summary>
/// A repository's <c>.ragnarok.yaml</c>, parsed and validated. Immutable; <see cref="Default"/> is what a repository
/// without a policy gets: report only, and every write waits for a person's approval.
/// </summary>
/// <param name="IsDefault">True when no policy file was found and these are the safe defaults.</param>
public sealed record RepositoryPolicy(
    IReadOnlyList<ServicePolicy> Services,
    IReadOnlyList<EnvironmentPolicy> Environments,
    IReadOnlyList<string> Promotion,
    DriftPolicy Drift,
    ActionsPolicy Actions,
    ApprovalPolicy Approval,
    IReadOnlyList<SeverityOverride> SeverityOverrides,
    string EscalationLabel,
    bool IsDefault = false)
{
    /// <summary>How incidents are kept and who hears of them (the <c>incidents</c> section).</summary>
    public IncidentPolicy Incidents { get; init; } = IncidentPolicy.Default;

    public const string DefaultEscalationLabel = "escalation::critical";

    public static RepositoryPolicy Default { get; } = new(
        [], [], [], DriftPolicy.None, ActionsPolicy.Default, ApprovalPolicy.Default, [], DefaultEscalationLabel, IsDefault: true);

    public ServicePolicy? FindService(string name) =>
        Services.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where users meet the service when nothing names an environment: the first protected one, else <c>production</c>.</summary>
    public string LiveEnvironment => Environments.FirstOrDefault(e => e.Protected)?.Name ?? "production";

    public EnvironmentPolicy? FindEnvironment(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Services whose path globs match <paramref name="path"/> (repository-relative, '/' separated).</summary>
    public IReadOnlyList<ServicePolicy> ServicesForPath(string path) => Services.Where(s => s.Owns(path)).ToList();

    /// <summary>The environment a change in <paramref name="environment"/> is promoted to next, if any.</summary>
    public string? NextInPromotion(string environment)
    {
        for (var i = 0; i + 1 < Promotion.Count; i++)
        {
            if (string.Equals(Promotion[i], environment, StringComparison.OrdinalIgnoreCase))
            {
                return Promotion[i + 1];
            }
        }

        return null;
    }
}

/// <summary>Where a service's logs are: a local file (JSON lines or text) and/or a Log Analytics cloud role.</summary>
/// <param name="Query">Extra KQL appended to the generated query (a filter), if any.</param>
public sealed record LogQueryHint(string? File, string? CloudRole, string? Query);

/// <summary>A service: the paths it lives in, who owns it, and the words, endpoints and logs that identify it.</summary>
public sealed record ServicePolicy(
    string Name,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Owners,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Endpoints,
    LogQueryHint? Logs,
    int Line = 0)
{
    /// <summary>The service's <c>probes:</c> entries (project still empty: it is the repository the policy was read from).</summary>
    public IReadOnlyList<Probes.ProbeTarget> Probes { get; init; } = [];

    public bool Owns(string path) => MatchingPath(path) is not null;

    /// <summary>The first path glob that matches <paramref name="path"/>, or null.</summary>
    public string? MatchingPath(string path) => Paths.FirstOrDefault(p => Glob.Parse(p).IsMatch(path));
}

/// <summary>A deployment environment and the branch that feeds it. Replay only ever targets a non-protected one.</summary>
public sealed record EnvironmentPolicy(string Name, string Branch, bool Protected, Uri? ReplayBaseUrl, int Line = 0);

/// <summary>Drift checks between environment branches: when they run and which differences are expected.</summary>
/// <param name="ExpectedPaths">Globs of files allowed to differ.</param>
/// <param name="ExpectedKeys">Per file, dotted keys allowed to differ while the rest of the file must match.</param>
public sealed record DriftPolicy(string? Schedule, IReadOnlyList<string> ExpectedPaths, IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedKeys)
{
    public static DriftPolicy None { get; } = new(null, [], new Dictionary<string, IReadOnlyList<string>>());

    public bool IsExpected(string path) => ExpectedPaths.Any(p => Glob.Parse(p).IsMatch(path));

    public bool IsExpected(string path, string key) =>
        IsExpected(path) || (ExpectedKeys.TryGetValue(path, out var keys) && keys.Contains(key, StringComparer.Ordinal));
}

/// <summary>Who may approve a write, and how long the approval waits.</summary>
/// <param name="MinAccessLevel">GitLab access level (30 developer, 40 maintainer, 50 owner) a project member needs.</param>
/// <param name="Users">Usernames allowed regardless of access level.</param>
/// <param name="Groups">Group paths whose members are allowed regardless of access level.</param>
public sealed record ApprovalPolicy(int MinAccessLevel, IReadOnlyList<string> Users, IReadOnlyList<string> Groups, TimeSpan Timeout)
{
    public const int Maintainer = 40;

    public static ApprovalPolicy Default { get; } = new(Maintainer, [], [], TimeSpan.FromHours(24));

    /// <summary>Whether this person may approve, and why (or why not).</summary>
    public (bool Allowed, string Reason) MayApprove(string username, int accessLevel, IEnumerable<string> groups)
    {
        if (Users.Contains(username, StringComparer.OrdinalIgnoreCase))
        {
            return (true, $"{username} is listed in approval.users");
        }

        var group = groups.FirstOrDefault(g => Groups.Contains(g, StringComparer.OrdinalIgnoreCase));
        if (group is not null)
        {
            return (true, $"{username} is a member of {group}, listed in approval.groups");
        }

        return accessLevel >= MinAccessLevel
            ? (true, $"{username} has access level {accessLevel} (≥ {MinAccessLevel})")
            : (false, $"{username} has access level {accessLevel}; approval needs {MinAccessLevel} or a listed user or group");
    }
}

/// <summary>The <c>incidents</c> section: whether a recovered incident stays open, and who is mailed besides the configured list.</summary>
/// <param name="KeepOpen">True keeps a recovered incident open for a person to close (after the RCA is written).</param>
/// <param name="Email">Addresses mailed for every incident of this repository, on top of <c>Notifications:Email:To</c>.</param>
public sealed record IncidentPolicy(bool KeepOpen, IReadOnlyList<string> Email)
{
    public static IncidentPolicy Default { get; } = new(false, []);
}
