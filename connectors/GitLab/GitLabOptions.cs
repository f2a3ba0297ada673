using RagnarokOps.Connectors.Http;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>Configuration section "GitLab": where the instance is, how we authenticate, how patient we are.</summary>
public sealed class GitLabOptions
{
    public const string SectionName = "GitLab";

    /// <summary>Instance root (https://gitlab.example.com) or API root (…/api/v4); the sandbox's URL in demos and tests.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Personal, project or group access token sent as PRIVATE-TOKEN. Never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>Secret token GitLab sends in X-Gitlab-Token on each webhook. Empty means every webhook is refused.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Whole-call timeout, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After / RateLimit-Reset wait honoured before giving the 429 back to the caller.</summary>
    public TimeSpan MaxServerRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Items per page on list calls (GitLab caps it at 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The REST v4 root with a trailing slash, whichever form <see cref="BaseUrl"/> was given in.</summary>
    public Uri ApiBaseUri
    {
        get
        {
            var trimmed = BaseUrl.TrimEnd('/');
            if (!trimmed.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase))
            {
                trimmed += "/api/v4";
            }

            return new Uri(trimmed + "/", UriKind.Absolute);
        }
    }

    internal HttpResilienceOptions ToResilienceOptions() => new()
    {
        MaxRetryAttempts = MaxRetryAttempts,
        BaseDelay = RetryBaseDelay,
        MaxServerDelay = MaxServerRetryDelay,
        AttemptTimeout = AttemptTimeout,
    };
}
