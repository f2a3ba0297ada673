namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Job Hook; object_kind "build".</summary>
public sealed record JobHook : GitLabWebhookEvent
{
    public required string Ref { get; init; }

    public bool Tag { get; init; }

    public string? BeforeSha { get; init; }

    public required string Sha { get; init; }

    public required long BuildId { get; init; }

    public required string BuildName { get; init; }

    public string? BuildStage { get; init; }

    public required string BuildStatus { get; init; }

    public DateTimeOffset? BuildCreatedAt { get; init; }

    public DateTimeOffset? BuildStartedAt { get; init; }

    public DateTimeOffset? BuildFinishedAt { get; init; }

    public double? BuildDuration { get; init; }

    public double? BuildQueuedDuration { get; init; }

    public bool BuildAllowFailure { get; init; }

    public string? BuildFailureReason { get; init; }

    public int? RetriesCount { get; init; }

    public long? PipelineId { get; init; }

    public long? ProjectId { get; init; }

    public string? ProjectName { get; init; }

    /// <summary>Careful: in this hook commit.id is the pipeline id, not a sha; the sha is <see cref="JobHookCommit.Sha"/>.</summary>
    public JobHookCommit? Commit { get; init; }

    public PipelineHookEnvironment? Environment { get; init; }
}

public sealed record JobHookCommit
{
    /// <summary>The pipeline id (GitLab's naming, not ours).</summary>
    public long? Id { get; init; }

    public string? Name { get; init; }

    public string? Sha { get; init; }

    public string? Message { get; init; }

    public string? AuthorName { get; init; }

    public string? AuthorEmail { get; init; }

    public string? Status { get; init; }

    public double? Duration { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
