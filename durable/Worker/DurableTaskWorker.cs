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
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

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

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.WorkerStarted(_logger, _owner);
        return Task.WhenAll(
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
                (n, ct) => _store.LockNextActivitiesAsync(_owner, n, ct),
                RunActivityAsync,
                _store.Signal.WaitForActivitiesAsync,
                stoppingToken));
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
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        var running = new System.Collections.Concurrent.ConcurrentDictionary<Task, bool>();
        var idle = MinPoll;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var items = await lockAsync(slots.CurrentCount + 1, cancellationToken).ConfigureAwait(false);
                if (items.Count == 0)
                {
                    slots.Release();
                    await WaitForWorkAsync(idle, waitForSignalAsync, cancellationToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
                    continue;
                }

                idle = MinPoll;
                for (var i = 1; i < items.Count; i++)
                {
                    slots.Wait(0, CancellationToken.None);
                }

                foreach (var item in items)
                {
                    var task = Task.Run(() => processAsync(item), CancellationToken.None);
                    running[task] = true;
                    _ = task.ContinueWith(
                        t =>
                        {
                            running.TryRemove(t, out _);
                            slots.Release();
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
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

        await Task.WhenAll(running.Keys).ConfigureAwait(false);
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
