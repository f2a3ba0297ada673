namespace RagnarokOps.DurableTask.Storage;

/// <summary>
/// Wakes the dispatchers of this process when work was committed here, so they need not poll, and the clients of
/// this process when an instance's status changed, so waiting for completion answers at once.
/// </summary>
internal sealed class WorkSignal
{
    private readonly AutoResetSignal _orchestrations = new();
    private readonly AutoResetSignal _activities = new();
    private TaskCompletionSource? _stateChanged;

    public void NotifyOrchestrations() => _orchestrations.Set();

    public void NotifyActivities() => _activities.Set();

    public Task<bool> WaitForOrchestrationsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _orchestrations.WaitAsync(timeout, cancellationToken);

    public Task<bool> WaitForActivitiesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _activities.WaitAsync(timeout, cancellationToken);

    /// <summary>A task that completes at the next status change committed by this process; take it before reading the status.</summary>
    public Task NextStateChange()
    {
        var current = Volatile.Read(ref _stateChanged);
        if (current is not null)
        {
            return current.Task;
        }

        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _stateChanged, fresh, null) ?? fresh).Task;
    }

    public void NotifyStateChanged() => Interlocked.Exchange(ref _stateChanged, null)?.TrySetResult();

    /// <summary>
    /// Wakes whoever a committed step concerns (activity dispatchers for queued activities, orchestration dispatchers
    /// for events waiting or sent, clients for a status change) and says what the step left for this worker.
    /// </summary>
    public CheckpointCommit Committed(OrchestrationCheckpoint checkpoint, bool morePending, ActivityWorkItem? localActivity, bool held)
    {
        if (checkpoint.Activities.Count > (localActivity is null ? 0 : 1))
        {
            NotifyActivities();
        }

        if (checkpoint.Status != checkpoint.WorkItem.Instance.Status || checkpoint.ContinuedAsExecutionId is not null)
        {
            NotifyStateChanged();
        }

        if (morePending || checkpoint.Messages.Count > 0 || checkpoint.SubOrchestrations.Count > 0 || checkpoint.ContinuedAsExecutionId is not null)
        {
            NotifyOrchestrations();
        }

        return new CheckpointCommit(CheckpointResult.Committed, localActivity, held);
    }

    /// <summary>
    /// An auto-reset event for one waiter: many notifications collapse into one wake-up. Setting an already set
    /// signal costs one volatile read, so committers under load never queue on a lock or throw.
    /// </summary>
    private sealed class AutoResetSignal
    {
        private readonly SemaphoreSlim _semaphore = new(0, 1);
        private int _set;

        public void Set()
        {
            if (Volatile.Read(ref _set) == 0 && Interlocked.Exchange(ref _set, 1) == 0)
            {
                _semaphore.Release();
            }
        }

        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var signalled = await _semaphore.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (signalled)
            {
                // Cleared only after the wake-up was taken: a notification racing this line finds its work in the
                // caller's next lock query, which runs after it.
                Volatile.Write(ref _set, 0);
            }

            return signalled;
        }
    }
}
