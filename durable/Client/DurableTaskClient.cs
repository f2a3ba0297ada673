namespace RagnarokOps.DurableTask.Client;

/// <summary>Starts, queries, signals and manages orchestration instances.</summary>
public abstract class DurableTaskClient : IAsyncDisposable
{
    /// <summary>Initializes a new client.</summary>
    /// <param name="name">The client name.</param>
    protected DurableTaskClient(string name) => Name = name;

    /// <summary>Gets the client name.</summary>
    public string Name { get; }

    /// <summary>Schedules a new orchestration instance.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, CancellationToken cancellationToken) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, null, cancellationToken);

    /// <summary>Schedules a new orchestration instance.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The input.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input, CancellationToken cancellationToken) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, null, cancellationToken);

    /// <summary>Schedules a new orchestration instance.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="options">The instance id and start time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    public virtual Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, StartOrchestrationOptions options, CancellationToken cancellationToken = default) =>
        ScheduleNewOrchestrationInstanceAsync(orchestratorName, null, options, cancellationToken);

    /// <summary>Schedules a new orchestration instance.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The input.</param>
    /// <param name="options">The instance id and start time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="InvalidOperationException">An instance with that id is pending or running.</exception>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Raises an external event on an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventName">The event name (case-insensitive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    public virtual Task RaiseEventAsync(string instanceId, string eventName, CancellationToken cancellationToken) =>
        RaiseEventAsync(instanceId, eventName, null, cancellationToken);

    /// <summary>Raises an external event on an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventName">The event name (case-insensitive).</param>
    /// <param name="eventPayload">The payload.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is stored.</returns>
    /// <exception cref="ArgumentException">No instance has that id.</exception>
    public abstract Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until an instance has started (or finished).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instance's metadata.</returns>
    public virtual Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, CancellationToken cancellationToken) =>
        WaitForInstanceStartAsync(instanceId, false, cancellationToken);

    /// <summary>Waits until an instance has started (or finished).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether to include inputs and outputs.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instance's metadata.</returns>
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Waits until an instance reaches a terminal state.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instance's metadata.</returns>
    public virtual Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken) =>
        WaitForInstanceCompletionAsync(instanceId, false, cancellationToken);

    /// <summary>Waits until an instance reaches a terminal state.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether to include inputs and outputs.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The instance's metadata.</returns>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Terminates a running instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored.</returns>
    public virtual Task TerminateInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        TerminateInstanceAsync(instanceId, null, cancellationToken);

    /// <summary>Terminates a running instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="output">The output to record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored.</returns>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Suspends a running instance; events are kept until it resumes.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored.</returns>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes a suspended instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is stored.</returns>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an instance's metadata.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata, or <c>null</c> when unknown.</returns>
    public virtual Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        GetInstanceAsync(instanceId, false, cancellationToken);

    /// <summary>Gets an instance's metadata.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether to include inputs and outputs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metadata, or <c>null</c> when unknown.</returns>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default);

    /// <summary>Lists instances matching a query.</summary>
    /// <param name="filter">The query; <c>null</c> for all.</param>
    /// <returns>The instances, read page by page.</returns>
    public abstract AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);

    /// <summary>Deletes a terminal instance and its history.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many instances were deleted (0 or 1).</returns>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Deletes terminal instances matching a filter.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many instances were deleted.</returns>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
