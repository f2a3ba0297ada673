using System.Text.Json.Serialization;

namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>A parsed GitLab webhook. Switch on the concrete type (IssueHook, NoteHook, …).</summary>
public abstract record GitLabWebhookEvent
{
    public required string ObjectKind { get; init; }

    /// <summary>The project the hook is about; every hook RagnarokOps handles names it.</summary>
    public required WebhookProject Project { get; init; }

    public WebhookUser? User { get; init; }

    /// <summary>The X-Gitlab-Event header value it arrived with ("Issue Hook", …).</summary>
    [JsonIgnore]
    public string EventHeader { get; init; } = "";
}
