using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>
/// The task hub's storage, modelled on durabletask-mssql: Instances, History, NewEvents (inbox with a visible-at
/// time) and NewTasks (activity queue); work items are locked with an owner and an expiry.
/// </summary>
internal interface IOrchestrationStore : IAsyncDisposable
{
    /// <summary>Signalled when this process commits work a worker could pick up (in-process wake-up).</summary>
    WorkSignal Signal { get; }

    Task CreateInstanceAsync(NewInstanceRequest request, DateTime visibleAt, CancellationToken cancellationToken);

    /// <summary>Adds an event to an instance's inbox; false when the instance is unknown or finished.</summary>
    Task<bool> SendEventAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken);

    /// <summary>Locks up to <paramref name="max"/> instances with visible inbox events; history comes from <paramref name="cache"/> when still current.</summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockNextOrchestrationsAsync(string owner, int max, HistoryCache? cache, CancellationToken cancellationToken);

    Task<CheckpointCommit> CompleteOrchestrationAsync(OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the result of a held instance's activity: when the instance is still held by this worker and has no other
    /// events, the result and <paramref name="next"/> (the step it leads to) commit together; otherwise the result
    /// joins the inbox as <see cref="CompleteActivityAsync"/> would queue it.
    /// </summary>
    Task<(HeldStepResult Result, CheckpointCommit? Next)> CompleteHeldStepAsync(
        ActivityWorkItem task, HistoryEvent completion, OrchestrationCheckpoint next, CancellationToken cancellationToken);

    Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActivityWorkItem>> LockNextActivitiesAsync(string owner, int max, CancellationToken cancellationToken);

    /// <summary>Extends running tasks' locks, and their instances' holds, in one write; returns the tasks no longer ours.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> RenewActivityLocksAsync(IReadOnlyList<ActivityWorkItem> workItems, CancellationToken cancellationToken);

    /// <summary>Records an activity's result; false when the completion was stale and dropped.</summary>
    Task<bool> CompleteActivityAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken);

    /// <summary>The earliest time a currently invisible inbox event or task becomes visible, if any.</summary>
    Task<DateTime?> GetNextVisibleTimeAsync(CancellationToken cancellationToken);

    /// <summary>Releases the locks of owners <paramref name="isDead"/> says are gone; returns how many rows were freed.</summary>
    Task<int> ReleaseLocksAsync(Func<string, bool> isDead, CancellationToken cancellationToken);

    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<InstanceRecord>> QueryInstancesAsync(InstanceFilter filter, long afterRowId, int pageSize, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);

    Task<int> PurgeAsync(string? instanceId, InstanceFilter? filter, CancellationToken cancellationToken);
}

/// <summary>Thrown when starting an instance whose id is pending or running.</summary>
internal sealed class InstanceAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
    : InvalidOperationException($"An orchestration instance with id '{instanceId}' already exists and is {status}; "
        + "wait for it to finish or terminate it before reusing the id.");
