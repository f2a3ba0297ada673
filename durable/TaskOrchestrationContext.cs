using Microsoft.Extensions.Logging;

namespace RagnarokOps.DurableTask;

/// <summary>The context an orchestrator runs in: the only door to time, ids, activities, timers and events.</summary>
/// <remarks>
/// Every call that schedules work is recorded in the instance's history and matched against it on replay;
/// scheduling something different at the same position fails the instance as non-deterministic.
/// </remarks>
public abstract class TaskOrchestrationContext
{
    /// <summary>Gets the orchestrator's name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>Gets the instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Gets the parent orchestration, when this is a sub-orchestration.</summary>
    public abstract ParentOrchestrationInstance? Parent { get; }

    /// <summary>Gets the replay-safe current time, taken from history.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Gets whether the orchestrator is replaying history (side effects such as logs should be skipped).</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Gets the orchestration's input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input, or default.</returns>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The activity input.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>The activity result.</returns>
    /// <exception cref="TaskFailedException">The activity failed (after any retries).</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity and waits for it.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The activity input.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>A task that completes with the activity.</returns>
    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object>(name, input, options);

    /// <summary>Schedules an activity without input and waits for it.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>A task that completes with the activity.</returns>
    public virtual Task CallActivityAsync(TaskName name, TaskOptions options) => CallActivityAsync(name, null, options);

    /// <summary>Schedules an activity without input and returns its result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>The activity result.</returns>
    public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) =>
        CallActivityAsync<TResult>(name, null, options);

    /// <summary>Starts a sub-orchestration and returns its output.</summary>
    /// <typeparam name="TResult">The output type.</typeparam>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The input.</param>
    /// <param name="options">Retry options and, with <see cref="SubOrchestrationOptions"/>, the instance id.</param>
    /// <returns>The sub-orchestration's output.</returns>
    /// <exception cref="TaskFailedException">The sub-orchestration failed.</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(
        TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Starts a sub-orchestration and waits for it.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The input.</param>
    /// <param name="options">Retry options and, with <see cref="SubOrchestrationOptions"/>, the instance id.</param>
    /// <returns>A task that completes with the sub-orchestration.</returns>
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        CallSubOrchestratorAsync<object>(orchestratorName, input, options);

    /// <summary>Starts a sub-orchestration without input and waits for it.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="options">Retry options and, with <see cref="SubOrchestrationOptions"/>, the instance id.</param>
    /// <returns>A task that completes with the sub-orchestration.</returns>
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync(orchestratorName, null, options);

    /// <summary>Starts a sub-orchestration without input and returns its output.</summary>
    /// <typeparam name="TResult">The output type.</typeparam>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="options">Retry options and, with <see cref="SubOrchestrationOptions"/>, the instance id.</param>
    /// <returns>The sub-orchestration's output.</returns>
    public virtual Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options) =>
        CallSubOrchestratorAsync<TResult>(orchestratorName, null, options);

    /// <summary>Creates a durable timer that fires at <paramref name="fireAt"/>.</summary>
    /// <param name="fireAt">When the timer fires (UTC).</param>
    /// <param name="cancellationToken">Cancels the wait (the orchestration no longer waits for the timer).</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires after <paramref name="delay"/>.</summary>
    /// <param name="delay">How long to wait, from <see cref="CurrentUtcDateTime"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an external event (names are case-insensitive; early events are buffered).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event payload.</returns>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event, or throws <see cref="TaskCanceledException"/> after a timeout.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="timeout">How long to wait (a durable timer).</param>
    /// <returns>The event payload.</returns>
    public virtual Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout) =>
        WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    /// <summary>Waits for an external event, or throws <see cref="TaskCanceledException"/> after a timeout.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="timeout">How long to wait (a durable timer).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event payload.</returns>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timerCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = CreateTimer(timeout, timerCts.Token);
        var external = WaitForExternalEvent<T>(eventName, eventCts.Token);
        var winner = await Task.WhenAny(timer, external).ConfigureAwait(true);
        // Cancel synchronously: the callbacks must run on the orchestration thread, in order, for replay to hold.
#pragma warning disable CA1849
        (winner == external ? timerCts : eventCts).Cancel();
#pragma warning restore CA1849

        return await external.ConfigureAwait(true);
    }

    /// <summary>Raises an event on another orchestration instance.</summary>
    /// <param name="instanceId">The target instance.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="payload">The payload.</param>
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    /// <summary>Sets the custom status, visible to clients.</summary>
    /// <param name="customStatus">A serializable value, or <c>null</c> to clear it.</param>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the orchestration with a new input and an empty history.</summary>
    /// <param name="newInput">The new input.</param>
    /// <param name="preserveUnprocessedEvents">Whether external events not yet consumed carry over.</param>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>Creates a replay-safe GUID (UUID v5, identical to Microsoft.DurableTask's).</summary>
    /// <returns>The new GUID.</returns>
    public abstract Guid NewGuid();

    /// <summary>Creates a logger that writes only when not replaying.</summary>
    /// <param name="categoryName">The log category.</param>
    /// <returns>The logger.</returns>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>Creates a logger that writes only when not replaying.</summary>
    /// <param name="type">The type whose name is the category.</param>
    /// <returns>The logger.</returns>
    public virtual ILogger CreateReplaySafeLogger(Type type) =>
        CreateReplaySafeLogger((type ?? throw new ArgumentNullException(nameof(type))).FullName ?? type.Name);

    /// <summary>Creates a logger that writes only when not replaying.</summary>
    /// <typeparam name="T">The type whose name is the category.</typeparam>
    /// <returns>The logger.</returns>
    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));
}
