using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.DurableTask.Worker;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests.Worker;

/// <summary>
/// An instance whose only open work is one activity stays locked (held) while it runs, and the result commits with
/// the next step; whatever is sent to the instance meanwhile ends the hold and is handled at once.
/// </summary>
public sealed class HeldInstanceTests
{
    [Fact]
    public async Task SequentialActivities_EachWaitsHeld_AndHistoryIsWholeAndInOrder()
    {
        var gate = new SemaphoreSlim(0);
        var entered = new SemaphoreSlim(0);
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc<int, int>("Step", async (_, n) =>
            {
                entered.Release();
                await gate.WaitAsync();
                return n + 1;
            })
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    n = await ctx.CallActivityAsync<int>("Step", n);
                }

                return n;
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 10);

        // While each activity runs, its instance is locked by the held owner: nothing else is queued for it.
        var owners = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await entered.WaitAsync(EngineHost.Timeout));
            owners.Add(await ReadLockOwnerAsync(engine.DatabasePath, id));
            gate.Release();
        }

        var result = await engine.CompleteAsync(id);
        var history = await engine.Services.GetRequiredService<IOrchestrationStore>().GetHistoryAsync(id, CancellationToken.None);

        Assert.Equal(13, result.ReadOutputAs<int>());
        Assert.All(owners, o => Assert.EndsWith("!held", o!, StringComparison.Ordinal));
        Assert.Equal(
            [EventType.TaskScheduled, EventType.TaskCompleted, EventType.TaskScheduled, EventType.TaskCompleted,
             EventType.TaskScheduled, EventType.TaskCompleted, EventType.ExecutionCompleted],
            history.Where(e => e.Type is not (EventType.OrchestratorStarted or EventType.ExecutionStarted)).Select(e => e.Type));
        Assert.Equal(0, await CountAsync(engine.DatabasePath, "SELECT COUNT(*) FROM NewTasks") + await CountAsync(engine.DatabasePath, "SELECT COUNT(*) FROM NewEvents"));
    }

    [Fact]
    public async Task EventRaisedWhileHeldActivityRuns_EndsTheHold_AndStaysBeforeTheResult()
    {
        var gate = new SemaphoreSlim(0);
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc<string, string>("Slow", async (_, s) =>
            {
                await gate.WaitAsync();
                return s + "!";
            })
            .AddOrchestratorFunc<object?, string>("WaitsAfter", async (ctx, _) =>
            {
                var slow = await ctx.CallActivityAsync<string>("Slow", "done");
                var go = await ctx.WaitForExternalEvent<string>("go");
                return $"{slow} {go}";
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WaitsAfter");
        await WaitForLockOwnerAsync(engine.DatabasePath, id, o => o?.EndsWith("!held", StringComparison.Ordinal) == true);

        await engine.Client.RaiseEventAsync(id, "go", "now");
        await WaitForLockOwnerAsync(engine.DatabasePath, id, o => o is null, requireEmptyInbox: true);
        var whileRunning = await engine.Services.GetRequiredService<IOrchestrationStore>().GetHistoryAsync(id, CancellationToken.None);
        gate.Release();
        var result = await engine.CompleteAsync(id);
        var history = await engine.Services.GetRequiredService<IOrchestrationStore>().GetHistoryAsync(id, CancellationToken.None);

        // The dispatcher took the event while the activity still ran; the result came after it, through the inbox.
        Assert.Contains(whileRunning, e => e.Type == EventType.EventRaised);
        Assert.DoesNotContain(whileRunning, e => e.Type == EventType.TaskCompleted);
        Assert.Equal("done! now", result.ReadOutputAs<string>());
        var types = history.Select(e => e.Type).ToList();
        Assert.True(types.IndexOf(EventType.EventRaised) < types.IndexOf(EventType.TaskCompleted), string.Join(",", types));
    }

    [Fact]
    public async Task TerminateWhileHeldActivityRuns_TerminatesAtOnce_AndTheLateResultIsDropped()
    {
        var gate = new SemaphoreSlim(0);
        var finished = new TaskCompletionSource();
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc<string, string>("Slow", async (_, s) =>
            {
                await gate.WaitAsync();
                finished.TrySetResult();
                return s ?? string.Empty;
            })
            .AddOrchestratorFunc<object?, string>("OneSlowStep", (ctx, _) => ctx.CallActivityAsync<string>("Slow", "x")));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("OneSlowStep");
        await WaitForLockOwnerAsync(engine.DatabasePath, id, o => o?.EndsWith("!held", StringComparison.Ordinal) == true);

        await engine.Client.TerminateInstanceAsync(id, "stop");
        var terminated = await engine.CompleteAsync(id);
        gate.Release();
        await finished.Task.WaitAsync(EngineHost.Timeout);
        await WaitUntilAsync(async () => await CountAsync(engine.DatabasePath, "SELECT COUNT(*) FROM NewTasks") == 0);
        var history = await engine.Services.GetRequiredService<IOrchestrationStore>().GetHistoryAsync(id, CancellationToken.None);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.DoesNotContain(history, e => e.Type == EventType.TaskCompleted);
        Assert.Equal(0, await CountAsync(engine.DatabasePath, "SELECT COUNT(*) FROM NewEvents"));
    }

    [Fact]
    public async Task WorkerStopsWithTheNextActivityQueuedForItself_AnotherWorkerFinishesWithoutWaitingForTheLock()
    {
        using var dir = new TempDirectory("durable-held");
        var path = dir.Combine("hub.db");
        var started = new TaskCompletionSource();
        var gate = new SemaphoreSlim(0);
        void Tasks(DurableTaskRegistry r, bool first) => r
            .AddActivityFunc<int, int>("Step", async (_, n) =>
            {
                if (first)
                {
                    started.TrySetResult();
                    await gate.WaitAsync();
                }

                return n + 1;
            })
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
            {
                n = await ctx.CallActivityAsync<int>("Step", n);
                return await ctx.CallActivityAsync<int>("Step", n);
            });

        var firstHost = await EngineHost.StartAsync(r => Tasks(r, first: true), path);
        var id = await firstHost.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 1);
        await started.Task.WaitAsync(EngineHost.Timeout);

        // Stopping waits for the running activity; its result commits with the next step, whose activity is queued
        // locked for this worker but never starts. The stop hands both locks back.
        var stopping = firstHost.DisposeAsync().AsTask();
        gate.Release();
        await stopping;
        await using var secondHost = await EngineHost.StartAsync(r => Tasks(r, first: false), path);
        var result = await secondHost.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, result.ReadOutputAs<int>());
    }

    private static async Task<string?> ReadLockOwnerAsync(string db, string instanceId) =>
        (string?)await TaskHubFile.ScalarAsync(db, "SELECT LockOwner FROM Instances WHERE InstanceId = $i", instanceId);

    private static async Task<string?> WaitForLockOwnerAsync(string db, string instanceId, Func<string?, bool> done, bool requireEmptyInbox = false)
    {
        string? owner = null;
        await WaitUntilAsync(async () =>
        {
            owner = await ReadLockOwnerAsync(db, instanceId);
            return done(owner) && (!requireEmptyInbox || await CountAsync(db, "SELECT COUNT(*) FROM NewEvents WHERE InstanceId = $i", instanceId) == 0);
        });
        return owner;
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition) => TaskHubFile.WaitUntilAsync(condition, EngineHost.Timeout);

    private static Task<long> CountAsync(string db, string sql, string? instanceId = null) => TaskHubFile.CountAsync(db, sql, instanceId);
}
