using System.Globalization;
using Azure;
using Azure.Core;
using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// Exponential backoff that waits at least as long as the server's Retry-After (seconds or HTTP date) asks,
/// and says in the log why and how long it waits. Azure.Core's <c>RetryPolicy</c> decides whether to retry
/// (408, 429, 5xx, dropped connections).
/// </summary>
internal sealed class LoggingDelayStrategy(TimeSpan initialDelay, TimeSpan maxDelay, ILogger logger, string host, TimeProvider? time = null)
    : DelayStrategy(maxDelay: TimeSpan.FromMinutes(10), jitterFactor: 0)
{
    private readonly DelayStrategy _backoff = CreateExponentialDelayStrategy(initialDelay, maxDelay);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    protected override TimeSpan GetNextDelayCore(Response? response, int retryNumber)
    {
        var backoff = _backoff.GetNextDelay(response, retryNumber);
        var delay = Max(backoff, RetryAfter(response) ?? TimeSpan.Zero);
        Log.Retrying(logger, host, response?.Status ?? 0, retryNumber, delay.TotalMilliseconds);
        return delay;
    }

    private TimeSpan? RetryAfter(Response? response)
    {
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Max(at - _time.GetUtcNow(), TimeSpan.Zero)
            : null;
    }
}
