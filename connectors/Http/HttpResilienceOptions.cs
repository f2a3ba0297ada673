namespace RagnarokOps.Connectors.Http;

/// <summary>
/// How an outbound HTTP client retries transient failures (429, 5xx, timeouts, connection errors). POST and PATCH
/// get fewer retries: see <see cref="RetrySafety"/>.
/// </summary>
public sealed record HttpResilienceOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>First backoff delay when the server gives no hint; doubled per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound for computed backoff delays.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest server-requested wait (Retry-After / RateLimit-Reset) we honour. A longer hint means the quota is
    /// gone for a while; the response is returned to the caller instead of parking the request.
    /// </summary>
    public TimeSpan MaxServerDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one attempt; <see cref="Timeout.InfiniteTimeSpan"/> leaves only the HttpClient's own timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
