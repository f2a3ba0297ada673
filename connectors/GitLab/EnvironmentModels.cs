namespace RagnarokOps.Connectors.GitLab;

/// <summary>A project as GET /projects/:id and GET /groups/:id/projects return it (the fields RagnarokOps reads).</summary>
public sealed record GitLabProject
{
    public required long Id { get; init; }

    public required string PathWithNamespace { get; init; }

    public string? DefaultBranch { get; init; }

    public string? WebUrl { get; init; }

    public bool? Archived { get; init; }
}

/// <summary>Filters of GET /projects/:id/issues.</summary>
public sealed record GitLabIssueQuery
{
    /// <summary>Matched against title and description.</summary>
    public string? Search { get; init; }

    /// <summary>Comma-separated; an issue must carry all of them.</summary>
    public string? Labels { get; init; }

    /// <summary>opened, closed or all (null: all).</summary>
    public string? State { get; init; }
}

/// <summary>Body of PUT /projects/:id/issues/:iid and PUT /projects/:id/merge_requests/:iid: only the fields set are changed.</summary>
public sealed record GitLabIssuableUpdate
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>close or reopen.</summary>
    public string? StateEvent { get; init; }

    /// <summary>Comma-separated labels to add.</summary>
    public string? AddLabels { get; init; }
}

/// <summary>Filters of GET /projects/:id/merge_requests.</summary>
public sealed record GitLabMergeRequestQuery
{
    public string? SourceBranch { get; init; }

    public string? TargetBranch { get; init; }

    /// <summary>opened, closed, merged, or null for all.</summary>
    public string? State { get; init; }
}
