namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>Which header a dedupe key came from.</summary>
public enum GitLabDedupeKeySource
{
    /// <summary>Idempotency-Key: the same for every redelivery of one event.</summary>
    IdempotencyKey,

    /// <summary>X-Gitlab-Event-UUID, used only because Idempotency-Key was absent (older GitLab, or a proxy dropped it).</summary>
    EventUuid,
}

/// <summary>The key that makes redeliveries of one webhook start one escalation, not several.</summary>
public sealed record GitLabWebhookDedupeKey(string Value, GitLabDedupeKeySource Source)
{
    /// <summary>Idempotency-Key when present; else X-Gitlab-Event-UUID (see <see cref="Note"/>); else null.</summary>
    public static GitLabWebhookDedupeKey? From(GitLabWebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.IdempotencyKey is { } key)
        {
            return new(key, GitLabDedupeKeySource.IdempotencyKey);
        }

        return headers.EventUuid is { } uuid ? new(uuid, GitLabDedupeKeySource.EventUuid) : null;
    }

    /// <summary>Says when the weaker fallback is in use, for logs and audit; null for Idempotency-Key.</summary>
    public string? Note => Source == GitLabDedupeKeySource.EventUuid
        ? "Idempotency-Key header absent; deduplicating on X-Gitlab-Event-UUID instead."
        : null;
}
