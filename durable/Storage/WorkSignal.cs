namespace RagnarokOps.DurableTask.Storage;

/// <summary>Wakes the dispatchers of this process when work was committed here, so they need not poll.</summary>
internal sealed class WorkSignal
{
    private readonly SemaphoreSlim _orchestrations = new(0, 1);
    private readonly SemaphoreSlim _activities = new(0, 1);

    public void NotifyOrchestrations() => Release(_orchestrations);

    public void NotifyActivities() => Release(_activities);

    public Task<bool> WaitForOrchestrationsAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _orchestrations.WaitAsync(timeout, cancellationToken);

    public Task<bool> WaitForActivitiesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _activities.WaitAsync(timeout, cancellationToken);

    private static void Release(SemaphoreSlim semaphore)
    {
        // A semaphore capped at one acts as an auto-reset event: many notifications collapse into one wake-up.
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }
}
