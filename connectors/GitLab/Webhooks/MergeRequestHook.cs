namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Merge Request Hook; object_kind "merge_request".</summary>
public sealed record MergeRequestHook : GitLabWebhookEvent
{
    public required MergeRequestHookAttributes ObjectAttributes { get; init; }

    public IReadOnlyList<WebhookLabel> Labels { get; init; } = [];

    public WebhookChanges? Changes { get; init; }

    public IReadOnlyList<WebhookUser>? Reviewers { get; init; }
}

public sealed record MergeRequestHookAttributes
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? State { get; init; }

    /// <summary>open, close, reopen, update, approved, unapproved, approval, unapproval, merge.</summary>
    public string? Action { get; init; }

    public required string SourceBranch { get; init; }

    public required string TargetBranch { get; init; }

    public bool Draft { get; init; }

    public string? MergeStatus { get; init; }

    public string? DetailedMergeStatus { get; init; }

    public string? Url { get; init; }

    public WebhookCommit? LastCommit { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
