namespace RagnarokOps.Connectors.GitLab.Webhooks;

public enum GitLabWebhookOutcome
{
    /// <summary>A hook kind we handle, parsed; see <see cref="GitLabWebhookParseResult.Event"/>.</summary>
    Accepted,

    /// <summary>A well-formed hook we do not act on (another kind); answer 200 so GitLab does not retry or disable the hook.</summary>
    Ignored,

    /// <summary>The body is not what its header says (bad JSON, missing fields, object_kind mismatch); answer 400.</summary>
    Invalid,
}

/// <summary>What the intake made of one webhook delivery. Never an exception for a body GitLab could send.</summary>
public sealed record GitLabWebhookParseResult
{
    public required GitLabWebhookOutcome Outcome { get; init; }

    public GitLabWebhookEvent? Event { get; init; }

    /// <summary>Why it was ignored or invalid; null when accepted.</summary>
    public string? Reason { get; init; }

    /// <summary>The redelivery key (Idempotency-Key, else X-Gitlab-Event-UUID); null when the request had neither.</summary>
    public GitLabWebhookDedupeKey? DedupeKey { get; init; }

    /// <summary>The uuid to pass to <see cref="GitLabEventContext.Begin"/> while handling this hook.</summary>
    public string? EventUuid { get; init; }

    internal static GitLabWebhookParseResult Accepted(GitLabWebhookEvent evt, GitLabWebhookHeaders headers) => new()
    {
        Outcome = GitLabWebhookOutcome.Accepted,
        Event = evt,
        DedupeKey = GitLabWebhookDedupeKey.From(headers),
        EventUuid = headers.EventUuid,
    };

    internal static GitLabWebhookParseResult Ignored(string reason, GitLabWebhookHeaders headers) => new()
    {
        Outcome = GitLabWebhookOutcome.Ignored,
        Reason = reason,
        DedupeKey = GitLabWebhookDedupeKey.From(headers),
        EventUuid = headers.EventUuid,
    };

    internal static GitLabWebhookParseResult Invalid(string reason, GitLabWebhookHeaders headers) => new()
    {
        Outcome = GitLabWebhookOutcome.Invalid,
        Reason = reason,
        DedupeKey = GitLabWebhookDedupeKey.From(headers),
        EventUuid = headers.EventUuid,
    };
}
