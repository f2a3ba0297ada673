namespace RagnarokOps.Connectors.GitLab;

public sealed record GitLabMergeRequest
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public required long ProjectId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string State { get; init; }

    public required string SourceBranch { get; init; }

    public required string TargetBranch { get; init; }

    public bool Draft { get; init; }

    public string? Sha { get; init; }

    public string? MergeStatus { get; init; }

    public string? DetailedMergeStatus { get; init; }

    public GitLabUser? Author { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>GitLab sends this as a string ("1"); we read it as a number.</summary>
    public int? ChangesCount { get; init; }

    public string? WebUrl { get; init; }

    public GitLabPipelineRef? Pipeline { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? MergedAt { get; init; }
}

/// <summary>Body of POST /projects/:id/merge_requests. Draft is expressed the way GitLab reads it: a "Draft: " title prefix.</summary>
public sealed record GitLabNewMergeRequest
{
    public required string SourceBranch { get; init; }

    public required string TargetBranch { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Comma-separated.</summary>
    public string? Labels { get; init; }

    public bool? RemoveSourceBranch { get; init; }

    public bool? Squash { get; init; }

    public IReadOnlyList<long>? ReviewerIds { get; init; }
}
