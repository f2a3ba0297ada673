namespace RagnarokOps.Connectors.GitLab;

/// <summary>Filters of GET /projects/:id/repository/commits.</summary>
public sealed record GitLabCommitQuery
{
    /// <summary>Branch, tag or sha; the default branch when null.</summary>
    public string? RefName { get; init; }

    public string? Path { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public bool? WithStats { get; init; }

    public bool? FirstParent { get; init; }
}

/// <summary>Filters of GET /projects/:id/pipelines.</summary>
public sealed record GitLabPipelineQuery
{
    public string? Ref { get; init; }

    public string? Sha { get; init; }

    public string? Status { get; init; }

    public string? Source { get; init; }

    public DateTimeOffset? UpdatedAfter { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    public string? OrderBy { get; init; }

    public string? Sort { get; init; }
}
