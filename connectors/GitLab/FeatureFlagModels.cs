namespace RagnarokOps.Connectors.GitLab;

public sealed record GitLabFeatureFlag
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required bool Active { get; init; }

    public string? Version { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public IReadOnlyList<GitLabFeatureFlagStrategy> Strategies { get; init; } = [];
}

public sealed record GitLabFeatureFlagStrategy
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<GitLabFeatureFlagScope> Scopes { get; init; } = [];

    public GitLabFeatureFlagUserList? UserList { get; init; }
}

public sealed record GitLabFeatureFlagScope
{
    public required long Id { get; init; }

    public required string EnvironmentScope { get; init; }
}

public sealed record GitLabFeatureFlagUserList
{
    public required long Id { get; init; }

    public long? Iid { get; init; }

    public string? Name { get; init; }

    public string? UserXids { get; init; }
}
