namespace RagnarokOps.Connectors.GitLab;

public sealed record GitLabIssue
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public required long ProjectId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? State { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public GitLabUser? Author { get; init; }

    public IReadOnlyList<GitLabUser>? Assignees { get; init; }

    public bool? Confidential { get; init; }

    public string? Severity { get; init; }

    public string? WebUrl { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>Body of POST /projects/:id/issues.</summary>
public sealed record GitLabNewIssue
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Comma-separated, as GitLab documents it.</summary>
    public string? Labels { get; init; }

    public bool? Confidential { get; init; }

    /// <summary>User ids to assign (GitLab ignores ids it does not know).</summary>
    public IReadOnlyList<long>? AssigneeIds { get; init; }
}

/// <summary>Labels to add and remove in one PUT, leaving the others untouched.</summary>
public sealed record GitLabLabelChange
{
    public IReadOnlyList<string> Add { get; init; } = [];

    public IReadOnlyList<string> Remove { get; init; } = [];
}

public sealed record GitLabNote
{
    public required long Id { get; init; }

    public required string Body { get; init; }

    public GitLabUser? Author { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool System { get; init; }

    public long? NoteableId { get; init; }

    public string? NoteableType { get; init; }

    public long? NoteableIid { get; init; }

    public long? ProjectId { get; init; }

    public bool? Internal { get; init; }

    public bool? Confidential { get; init; }

    public bool? Resolvable { get; init; }
}

public sealed record GitLabLabel
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public string? Color { get; init; }

    public string? TextColor { get; init; }

    public string? Description { get; init; }

    public int? Priority { get; init; }

    public bool? IsProjectLabel { get; init; }
}

public sealed record GitLabWikiPage
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public string? Content { get; init; }

    public string? Format { get; init; }

    public string? Encoding { get; init; }
}
