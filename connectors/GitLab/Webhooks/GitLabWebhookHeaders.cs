using System.Text;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>The request headers GitLab sends with a webhook that the intake reads.</summary>
public sealed record GitLabWebhookHeaders
{
    public const string EventHeader = "X-Gitlab-Event";
    public const string TokenHeader = "X-Gitlab-Token";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string EventUuidHeader = "X-Gitlab-Event-UUID";
    public const string WebhookUuidHeader = "X-Gitlab-Webhook-UUID";
    public const string InstanceHeader = "X-Gitlab-Instance";

    /// <summary>"Issue Hook", "Note Hook", …</summary>
    public string? Event { get; init; }

    /// <summary>The secret token; compare with <see cref="GitLabWebhookToken.Matches"/>, never with ==.</summary>
    public string? Token { get; init; }

    /// <summary>Stable across redeliveries of the same event (automatic retries and manual resends).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Identifies the event; forwarded on API calls made while handling it so GitLab can stop hook loops.</summary>
    public string? EventUuid { get; init; }

    /// <summary>Identifies the hook configuration, not the event; never a dedupe key.</summary>
    public string? WebhookUuid { get; init; }

    public string? Instance { get; init; }

    public static GitLabWebhookHeaders From(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return From(name => headers.TryGetValue(name, out var values) ? values.ToString() : null);
    }

    /// <summary>From any header lookup (name → value or null); names are matched as the source matches them.</summary>
    public static GitLabWebhookHeaders From(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new()
        {
            Event = NullIfBlank(header(EventHeader)),
            Token = header(TokenHeader),
            IdempotencyKey = NullIfBlank(header(IdempotencyKeyHeader)),
            EventUuid = NullIfBlank(header(EventUuidHeader)),
            WebhookUuid = NullIfBlank(header(WebhookUuidHeader)),
            Instance = NullIfBlank(header(InstanceHeader)),
        };
    }

    // The compiler's record ToString would print the secret token; anyone logging "{Headers}" would leak it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Event = ").Append(Event)
            .Append(", Token = ").Append(Token is null ? "(none)" : "[REDACTED]")
            .Append(", IdempotencyKey = ").Append(IdempotencyKey)
            .Append(", EventUuid = ").Append(EventUuid)
            .Append(", WebhookUuid = ").Append(WebhookUuid)
            .Append(", Instance = ").Append(Instance);
        return true;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
