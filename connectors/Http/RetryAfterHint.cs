using System.Globalization;
using System.Net;

namespace RagnarokOps.Connectors.Http;

/// <summary>Reads how long a server asked us to wait before retrying.</summary>
public static class RetryAfterHint
{
    // RateLimit-Reset values above this are Unix timestamps (GitLab); smaller ones are delta seconds (IETF draft).
    private const long EpochThreshold = 1_000_000_000;

    /// <summary>The wait from <c>Retry-After</c> (seconds or HTTP date), else <c>RateLimit-Reset</c>; null when absent.</summary>
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NonNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NonNegative(date - now);
        }

        return FromRateLimitReset(response, now);
    }

    /// <summary>True for the statuses worth another attempt: 408, 429 and every 5xx except 501 and 505.</summary>
    public static bool IsTransient(HttpStatusCode status) => status switch
    {
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported => false,
        _ => (int)status >= 500,
    };

    private static TimeSpan? FromRateLimitReset(HttpResponseMessage response, DateTimeOffset now)
    {
        if (!response.Headers.TryGetValues("RateLimit-Reset", out var values))
        {
            return null;
        }

        var raw = values.FirstOrDefault();
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            return null;
        }

        return number >= EpochThreshold
            ? NonNegative(DateTimeOffset.FromUnixTimeSeconds(number) - now)
            : TimeSpan.FromSeconds(number);
    }

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
