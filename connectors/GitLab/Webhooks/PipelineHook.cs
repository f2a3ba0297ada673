namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Pipeline Hook; object_kind "pipeline".</summary>
public sealed record PipelineHook : GitLabWebhookEvent
{
    public required PipelineHookAttributes ObjectAttributes { get; init; }

    public WebhookCommit? Commit { get; init; }

    public WebhookMergeRequestRef? MergeRequest { get; init; }

    public IReadOnlyList<PipelineHookBuild> Builds { get; init; } = [];
}

public sealed record PipelineHookAttributes
{
    public required long Id { get; init; }

    public long? Iid { get; init; }

    public string? Name { get; init; }

    public required string Ref { get; init; }

    public bool Tag { get; init; }

    public required string Sha { get; init; }

    public string? BeforeSha { get; init; }

    public string? Source { get; init; }

    public required string Status { get; init; }

    public IReadOnlyList<string> Stages { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? Duration { get; init; }

    public IReadOnlyList<PipelineHookVariable> Variables { get; init; } = [];

    public string? Url { get; init; }
}

public sealed record PipelineHookVariable(string Key, string? Value);

public sealed record PipelineHookBuild
{
    public required long Id { get; init; }

    public string? Stage { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Seconds, a float in the hook.</summary>
    public double? Duration { get; init; }

    public double? QueuedDuration { get; init; }

    public string? FailureReason { get; init; }

    public string? When { get; init; }

    public bool Manual { get; init; }

    public bool AllowFailure { get; init; }

    public PipelineHookEnvironment? Environment { get; init; }
}

public sealed record PipelineHookEnvironment(string Name, string? Action, string? DeploymentTier);
