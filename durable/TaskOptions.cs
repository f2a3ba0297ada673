namespace RagnarokOps.DurableTask;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
/// <param name="Retry">How failures are retried; <c>null</c> for no retries.</param>
public record TaskOptions(TaskRetryOptions? Retry = null)
{
    /// <summary>Creates options that retry with <paramref name="policy"/>.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The task options.</returns>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    /// <summary>Creates options that retry with a custom handler.</summary>
    /// <param name="handler">The retry handler.</param>
    /// <returns>The task options.</returns>
    public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => new(new TaskRetryOptions(handler));

    /// <summary>Creates sub-orchestration options with these settings and an instance id.</summary>
    /// <param name="instanceId">The sub-orchestration's instance id.</param>
    /// <returns>The sub-orchestration options.</returns>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}

/// <summary>Options for scheduling a sub-orchestration.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    /// <summary>Initializes new <see cref="SubOrchestrationOptions"/>.</summary>
    /// <param name="retry">How failures are retried.</param>
    /// <param name="instanceId">The sub-orchestration's instance id; <c>null</c> for a deterministic new GUID.</param>
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    /// <summary>Initializes new <see cref="SubOrchestrationOptions"/> from task options.</summary>
    /// <param name="options">The task options to copy.</param>
    /// <param name="instanceId">The sub-orchestration's instance id.</param>
    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options?.Retry)
    {
        InstanceId = instanceId;
    }

    /// <summary>Gets the sub-orchestration's instance id.</summary>
    public string? InstanceId { get; init; }
}

/// <summary>Either a declarative <see cref="RetryPolicy"/> or a custom <see cref="AsyncRetryHandler"/>.</summary>
public sealed class TaskRetryOptions
{
    /// <summary>Initializes retry options from a policy.</summary>
    /// <param name="policy">The retry policy.</param>
    public TaskRetryOptions(RetryPolicy policy) => Policy = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Initializes retry options from a handler.</summary>
    /// <param name="handler">The retry handler.</param>
    public TaskRetryOptions(AsyncRetryHandler handler) => Handler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <summary>Gets the retry policy, if one was given.</summary>
    public RetryPolicy? Policy { get; }

    /// <summary>Gets the retry handler, if one was given.</summary>
    public AsyncRetryHandler? Handler { get; }

    /// <summary>Converts a policy into retry options.</summary>
    /// <param name="policy">The retry policy.</param>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    /// <summary>Converts a handler into retry options.</summary>
    /// <param name="handler">The retry handler.</param>
    public static implicit operator TaskRetryOptions(AsyncRetryHandler handler) => new(handler);

    /// <summary>Creates retry options from a policy.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The retry options.</returns>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    /// <summary>Creates retry options from a handler.</summary>
    /// <param name="handler">The retry handler.</param>
    /// <returns>The retry options.</returns>
    public static TaskRetryOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);
}

/// <summary>Options for starting a new orchestration instance.</summary>
/// <param name="InstanceId">The instance id; <c>null</c> for a random one.</param>
/// <param name="StartAt">When to start; <c>null</c> for now.</param>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
