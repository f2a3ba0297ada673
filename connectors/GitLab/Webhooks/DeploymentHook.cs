namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>X-Gitlab-Event: Deployment Hook; object_kind "deployment". Carries no full sha: see <see cref="CommitSha"/>.</summary>
public sealed record DeploymentHook : GitLabWebhookEvent
{
    /// <summary>running, success, failed, canceled.</summary>
    public required string Status { get; init; }

    /// <summary>GitLab writes "2021-04-28 21:50:00 +0200" here.</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }

    public required long DeploymentId { get; init; }

    public long? DeployableId { get; init; }

    public string? DeployableUrl { get; init; }

    public required string Environment { get; init; }

    public string? EnvironmentTier { get; init; }

    public string? EnvironmentSlug { get; init; }

    public string? EnvironmentExternalUrl { get; init; }

    public string? ShortSha { get; init; }

    public string? UserUrl { get; init; }

    public string? CommitUrl { get; init; }

    public string? CommitTitle { get; init; }

    /// <summary>The full sha, taken from the last segment of <see cref="CommitUrl"/>; null when it is not there.</summary>
    public string? CommitSha
    {
        get
        {
            var last = CommitUrl?.TrimEnd('/').Split('/')[^1];
            return last is { Length: >= 7 } && last.All(Uri.IsHexDigit) ? last : null;
        }
    }
}
