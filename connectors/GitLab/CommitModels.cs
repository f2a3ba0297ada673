namespace RagnarokOps.Connectors.GitLab;

/// <summary>A commit as the commits, compare, branches, jobs and deployments APIs embed it (their field sets differ).</summary>
public sealed record GitLabCommit
{
    public required string Id { get; init; }

    public string? ShortId { get; init; }

    public required string Title { get; init; }

    public string? Message { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorEmail { get; init; }

    public DateTimeOffset? AuthoredDate { get; init; }

    public string? CommitterName { get; init; }

    public string? CommitterEmail { get; init; }

    public DateTimeOffset? CommittedDate { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public IReadOnlyList<string>? ParentIds { get; init; }

    public string? WebUrl { get; init; }

    public GitLabCommitStats? Stats { get; init; }

    public string? Status { get; init; }

    public GitLabPipelineRef? LastPipeline { get; init; }

    public IReadOnlyDictionary<string, string>? Trailers { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ExtendedTrailers { get; init; }
}

public sealed record GitLabCommitStats(int Additions, int Deletions, int Total);

public sealed record GitLabDiff
{
    public required string OldPath { get; init; }

    public required string NewPath { get; init; }

    public string? AMode { get; init; }

    public string? BMode { get; init; }

    public required string Diff { get; init; }

    public bool NewFile { get; init; }

    public bool RenamedFile { get; init; }

    public bool DeletedFile { get; init; }

    public bool? Collapsed { get; init; }

    public bool? TooLarge { get; init; }
}

public sealed record GitLabCompareResult
{
    public GitLabCommit? Commit { get; init; }

    public required IReadOnlyList<GitLabCommit> Commits { get; init; }

    public required IReadOnlyList<GitLabDiff> Diffs { get; init; }

    public bool? CompareTimeout { get; init; }

    public bool? CompareSameRef { get; init; }

    public string? WebUrl { get; init; }
}
