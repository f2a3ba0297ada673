namespace RagnarokOps.DurableTask;

/// <summary>A declarative retry policy; the waits between attempts are durable timers.</summary>
public sealed class RetryPolicy
{
    /// <summary>Initializes a new <see cref="RetryPolicy"/>.</summary>
    /// <param name="maxNumberOfAttempts">The maximum number of attempts, including the first; at least 1.</param>
    /// <param name="firstRetryInterval">The wait before the first retry; greater than zero.</param>
    /// <param name="backoffCoefficient">The factor applied to the wait after each retry; at least 1.</param>
    /// <param name="maxRetryInterval">The cap on any single wait (default: one hour).</param>
    /// <param name="retryTimeout">The overall time after which no retry starts (default: none).</param>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>Gets the maximum number of attempts.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Gets the wait before the first retry.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Gets the backoff coefficient.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Gets the cap on a single wait.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Gets the overall retry timeout (<see cref="Timeout.InfiniteTimeSpan"/> for none).</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>
    /// Gets or sets a predicate deciding whether a failure is retried; <c>null</c> retries every retriable failure.
    /// </summary>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    /// <summary>Computes the wait before retry number <paramref name="retryNumber"/> (1-based).</summary>
    internal TimeSpan GetDelay(int retryNumber)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, retryNumber - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>What a custom retry handler learns about the failure.</summary>
/// <param name="OrchestrationContext">The orchestration context (use it for durable timers).</param>
/// <param name="LastAttemptNumber">The number of the attempt that failed (1-based).</param>
/// <param name="LastFailure">Why it failed.</param>
/// <param name="TotalRetryTime">The orchestration time spent since the first attempt.</param>
/// <param name="CancellationToken">Cancelled when the orchestration stops waiting.</param>
public record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);

/// <summary>A custom retry handler: returns whether to try again (after any durable waits of its own).</summary>
/// <param name="retryContext">The failure being handled.</param>
/// <returns><c>true</c> to retry.</returns>
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);
