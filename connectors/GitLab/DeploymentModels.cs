namespace RagnarokOps.Connectors.GitLab;

public sealed record GitLabDeployment
{
    public required long Id { get; init; }

    public long? Iid { get; init; }

    public required string Ref { get; init; }

    public required string Sha { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public GitLabUser? User { get; init; }

    public GitLabEnvironmentRef? Environment { get; init; }

    /// <summary>The job that deployed, with its commit and pipeline.</summary>
    public GitLabJob? Deployable { get; init; }
}

public sealed record GitLabEnvironmentRef
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public string? ExternalUrl { get; init; }
}

public sealed record GitLabEnvironment
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public string? Slug { get; init; }

    public string? ExternalUrl { get; init; }

    public string? State { get; init; }

    public string? Tier { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? AutoStopAt { get; init; }

    /// <summary>Only on GET of a single environment.</summary>
    public GitLabDeployment? LastDeployment { get; init; }
}

/// <summary>Filters of GET /projects/:id/deployments. GitLab requires order_by=updated_at with updated_after/before.</summary>
public sealed record GitLabDeploymentQuery
{
    public string? Environment { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? UpdatedAfter { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    public string OrderBy { get; init; } = "updated_at";

    public string Sort { get; init; } = "desc";
}
