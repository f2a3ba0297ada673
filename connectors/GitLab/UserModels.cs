namespace RagnarokOps.Connectors.GitLab;

/// <summary>A user as embedded in other REST objects (author, assignee, deployer).</summary>
public sealed record GitLabUser
{
    public required long Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? State { get; init; }

    public string? AvatarUrl { get; init; }

    public string? WebUrl { get; init; }

    public string? Email { get; init; }
}

/// <summary>A project member; <see cref="AccessLevel"/> decides who may approve (30 developer, 40 maintainer, 50 owner).</summary>
public sealed record GitLabMember
{
    public required long Id { get; init; }

    public required string Username { get; init; }

    public string? Name { get; init; }

    public string? State { get; init; }

    public required int AccessLevel { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? ExpiresAt { get; init; }

    public string? WebUrl { get; init; }

    public string? AvatarUrl { get; init; }
}

/// <summary>GitLab's access levels, as numbers in the API.</summary>
public static class GitLabAccessLevel
{
    public const int Guest = 10;
    public const int Reporter = 20;
    public const int Developer = 30;
    public const int Maintainer = 40;
    public const int Owner = 50;
}
