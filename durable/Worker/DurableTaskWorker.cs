using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>
/// The hosted worker: one loop locks orchestration work items and replays each on its own thread, another runs
/// activities; both wake at once when this process commits work and poll with backoff otherwise.
/// </summary>
internal sealed partial class DurableTaskWorker : BackgroundService
{
    private readonly IOrchestrationStore _store;
    private readonly IServiceProvider _services;
    private readonly DurableTaskRegistry _registry;
    private readonly DurableTaskWorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrchestrationStep _step;
    private readonly HistoryCache _historyCache = new();
    private readonly string _owner = LockOwners.NewOwner();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HeldInstance> _held = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentQueue<ActivityWorkItem> _localActivities = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, ActivityWorkItem> _runningActivities = new();
    private long _lastActivityPoll;

    public DurableTaskWorker(
        IOrchestrationStore store,
        IServiceProvider services,
        IOptions<DurableTaskRegistry> registry,
        IOptions<DurableTaskWorkerOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        _store = store;
        _services = services;
        _registry = registry.Value;
        _options = options.Value;
        _time = time;
        _logger = loggerFactory.CreateLogger("RagnarokOps.DurableTask.Worker");
        _step = new OrchestrationStep(ResolveOrchestrator, _options.DataConverter, loggerFactory);
    }

    private ITaskOrchestrator? ResolveOrchestrator(string name) =>
        _registry.Orchestrators.TryGetValue(name, out var factory) ? factory(_services) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.WorkerStarted(_logger, _owner);

        // A worker of this machine that was killed leaves its locks behind; free them now instead of after the timeout.
        var freed = await _store.ReleaseLocksAsync(LockOwners.IsDeadLocalOwner, stoppingToken).ConfigureAwait(false);
        if (freed > 0)
        {
            Log.OrphanedLocksReleased(_logger, freed);
        }

        // Renewal outlives the dispatch loops: activities still running while the worker stops keep their locks.
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewRunningActivitiesAsync(stopRenewing.Token);
        await Task.WhenAll(
            RunLoopAsync(
                "orchestrations",
                _options.MaxConcurrentOrchestrations,
                (n, ct) => _store.LockNextOrchestrationsAsync(_owner, n, _historyCache, ct),
                RunOrchestrationAsync,
                _store.Signal.WaitForOrchestrationsAsync,
                stoppingToken),
            RunLoopAsync(
                "activities",
                _options.MaxConcurrentActivities,
                LockActivitiesAsync,
                RunActivityAsync,
                _store.Signal.WaitForActivitiesAsync,
                stoppingToken)).ConfigureAwait(false);
        await stopRenewing.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);

        // Activities queued here but never started, and instances held for them, go back to the task hub now.
        try
        {
            await _store.ReleaseLocksAsync(o => o == _owner || o == LockOwners.Held(_owner), CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The store is already gone; the locks expire instead.
        }
    }

    private static readonly TimeSpan FairnessInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Activities this worker queued for itself come first; the task hub is still asked at least every
    /// <see cref="FairnessInterval"/>, for half the slots, so other instances' activities never starve.
    /// </summary>
    private async Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var items = new List<ActivityWorkItem>(max);
        if (_localActivities.IsEmpty || System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivityPoll)) > FairnessInterval)
        {
            Interlocked.Exchange(ref _lastActivityPoll, System.Diagnostics.Stopwatch.GetTimestamp());
            var fromHub = max - Math.Min(_localActivities.Count, max / 2);
            items.AddRange(await _store.LockNextActivitiesAsync(_owner, fromHub, cancellationToken).ConfigureAwait(false));
        }

        while (items.Count < max && _localActivities.TryDequeue(out var local))
        {
            items.Add(local);
        }

        return items;
    }

    private async Task RunLoopAsync<T>(
        string loop,
        int concurrency,
        Func<int, CancellationToken, Task<IReadOnlyList<T>>> lockAsync,
        Func<T, Task> processAsync,
        Func<TimeSpan, CancellationToken, Task<bool>> waitForSignalAsync,
        CancellationToken cancellationToken)
    {
        // Only this loop takes slots, so the free count it reads cannot shrink before it claims them.
        var capacity = Math.Max(1, concurrency);
        using var slots = new SemaphoreSlim(capacity);
        var idle = MinPoll;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                IReadOnlyList<T> items;
                try
                {
                    items = await lockAsync(slots.CurrentCount + 1, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // The slot taken for this lock call goes back whatever the failure, or shutdown would wait for it.
                    slots.Release();
                    throw;
                }

                if (items.Count == 0)
                {
                    slots.Release();
                    await WaitForWorkAsync(idle, waitForSignalAsync, cancellationToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
                    continue;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: start nothing new. What was just locked goes back with the rest of this worker's locks.
                    slots.Release();
                    break;
                }

                idle = MinPoll;
                for (var i = 1; i < items.Count; i++)
                {
                    slots.Wait(0, CancellationToken.None);
                }

                foreach (var item in items)
                {
                    _ = Task.Run(
                        async () =>
                        {
                            try
                            {
                                await processAsync(item).ConfigureAwait(false);
                            }
                            finally
                            {
                                slots.Release();
                            }
                        },
                        CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.LoopFailed(_logger, loop, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, CancellationToken.None).ConfigureAwait(false);
            }
        }

        // Every slot back means every item this loop started has finished.
        for (var i = 0; i < capacity; i++)
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(5);

    private async Task WaitForWorkAsync(
        TimeSpan idle, Func<TimeSpan, CancellationToken, Task<bool>> waitForSignalAsync, CancellationToken cancellationToken)
    {
        var wait = idle;
        if (await _store.GetNextVisibleTimeAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            // Wake for the next timer (or lock expiry) rather than oversleeping it.
            var untilNext = next - _time.GetUtcNow().UtcDateTime;
            if (untilNext < wait)
            {
                wait = untilNext > TimeSpan.Zero ? untilNext : TimeSpan.FromMilliseconds(1);
            }
        }

        await waitForSignalAsync(wait, cancellationToken).ConfigureAwait(false);
    }
}
