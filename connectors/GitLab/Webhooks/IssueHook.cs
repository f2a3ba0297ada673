namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Issue Hook (or Confidential Issue Hook); object_kind "issue".</summary>
public sealed record IssueHook : GitLabWebhookEvent
{
    public required IssueHookAttributes ObjectAttributes { get; init; }

    public IReadOnlyList<WebhookLabel> Labels { get; init; } = [];

    public IReadOnlyList<WebhookUser>? Assignees { get; init; }

    public WebhookChanges? Changes { get; init; }
}

public sealed record IssueHookAttributes
{
    public required long Id { get; init; }

    public required long Iid { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? State { get; init; }

    /// <summary>open, close, reopen, update.</summary>
    public string? Action { get; init; }

    public string? Severity { get; init; }

    public bool? Confidential { get; init; }

    public long? AuthorId { get; init; }

    public long? ProjectId { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public IReadOnlyList<WebhookLabel> Labels { get; init; } = [];
}
