using System.Text.Json.Serialization;

namespace RagnarokOps.Connectors.GitLab;

public sealed record GitLabPipeline
{
    public required long Id { get; init; }

    public long? Iid { get; init; }

    public required long ProjectId { get; init; }

    public required string Sha { get; init; }

    public required string Ref { get; init; }

    public required string Status { get; init; }

    public string? Source { get; init; }

    public string? Name { get; init; }

    public string? BeforeSha { get; init; }

    public bool? Tag { get; init; }

    public string? YamlErrors { get; init; }

    public GitLabUser? User { get; init; }

    public string? WebUrl { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? CommittedAt { get; init; }

    /// <summary>Seconds; GitLab sends integers or floats.</summary>
    public double? Duration { get; init; }

    public double? QueuedDuration { get; init; }

    public string? Coverage { get; init; }
}

/// <summary>The short pipeline object jobs, deployments, commits and merge requests embed.</summary>
public sealed record GitLabPipelineRef
{
    public required long Id { get; init; }

    public long? ProjectId { get; init; }

    public string? Ref { get; init; }

    public string? Sha { get; init; }

    public string? Status { get; init; }

    public string? WebUrl { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}

public sealed record GitLabPipelineVariable(string Key, string Value)
{
    /// <summary>"env_var" (default) or "file".</summary>
    public string? VariableType { get; init; }
}

internal sealed record GitLabNewPipeline(string Ref, IReadOnlyList<GitLabPipelineVariable>? Variables);

public sealed record GitLabJob
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    public string? Stage { get; init; }

    public required string Status { get; init; }

    public string? Ref { get; init; }

    public bool? Tag { get; init; }

    public bool? AllowFailure { get; init; }

    public string? FailureReason { get; init; }

    public string? Coverage { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? Duration { get; init; }

    public double? QueuedDuration { get; init; }

    public GitLabCommit? Commit { get; init; }

    public GitLabPipelineRef? Pipeline { get; init; }

    public GitLabUser? User { get; init; }

    public string? WebUrl { get; init; }

    public IReadOnlyList<string>? TagList { get; init; }

    public IReadOnlyList<GitLabJobArtifact>? Artifacts { get; init; }
}

public sealed record GitLabJobArtifact
{
    public string? FileType { get; init; }

    public long? Size { get; init; }

    public string? Filename { get; init; }

    public string? FileFormat { get; init; }
}

/// <summary>Values of the jobs API's scope[] filter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GitLabJobScope>))]
public enum GitLabJobScope
{
    Created,
    Pending,
    Running,
    Failed,
    Success,
    Canceled,
    Skipped,
    Manual,
}
