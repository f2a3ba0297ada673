using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RagnarokOps.Connectors.Http;

/// <summary>Builds the retry (+ per-attempt timeout) pipeline that <see cref="ResilienceHandler"/> runs requests through.</summary>
public static class HttpResiliencePipelines
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("RagnarokOps.Http.Request");

    public static ResiliencePipeline<HttpResponseMessage> Create(HttpResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    ShouldRetry(args.Outcome, args.Context.Properties.GetValue(RequestKey, null!), options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, timeProvider)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    Log.Retrying(
                        logger,
                        request?.Method.Method ?? "?",
                        request?.RequestUri?.AbsolutePath ?? "?",
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?",
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, HttpResilienceOptions options, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            // Our caller's cancellation surfaces as OperationCanceledException and must not be retried.
            return outcome.Exception is HttpRequestException or TimeoutRejectedException
                && (RetrySafety.IsIdempotent(request) || RetrySafety.ServerDidNotAct(null, outcome.Exception));
        }

        var response = outcome.Result!;
        if (!RetryAfterHint.IsTransient(response.StatusCode))
        {
            return false;
        }

        if (!RetrySafety.IsIdempotent(request) && !RetrySafety.ServerDidNotAct(response.StatusCode, null))
        {
            return false;
        }

        var hint = RetryAfterHint.From(response, time.GetUtcNow());
        return hint is null || hint <= options.MaxServerDelay;
    }

    private static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { } response ? RetryAfterHint.From(response, time.GetUtcNow()) : null;
}
