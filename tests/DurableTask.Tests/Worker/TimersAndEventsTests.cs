using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class TimersAndEventsTests
{
    [Fact]
    public async Task CreateTimer_ConcurrentTimers_AllFireAndTimeAdvances()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, bool>("Timers", async (ctx, _) =>
            {
                var start = ctx.CurrentUtcDateTime;
                await Task.WhenAll(
                    ctx.CreateTimer(TimeSpan.FromMilliseconds(200), CancellationToken.None),
                    ctx.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None),
                    ctx.CreateTimer(start.AddMilliseconds(100), CancellationToken.None));
                return ctx.CurrentUtcDateTime >= start.AddMilliseconds(300);
            }));

        var result = await engine.RunAsync("Timers");
        var history = await engine.Services.GetHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.True(result.ReadOutputAs<bool>());
        Assert.Equal(3, history.Count(h => h.Type == DurableTask.Storage.EventType.TimerFired));
    }

    [Fact]
    public async Task WaitForExternalEvent_EventRaisedBeforeWait_IsBufferedCaseInsensitively()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Late", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None);
                return await ctx.WaitForExternalEvent<string>("Approval");
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Late");
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.RaiseEventAsync(id, "APPROVAL", "yes");
        var result = await engine.CompleteAsync(id);

        Assert.Equal("yes", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_ManyEventsInParallel_EachWaiterGetsOneInOrder()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, int[]>("Many", async (ctx, _) =>
            {
                var waits = Enumerable.Range(0, 20).Select(_ => ctx.WaitForExternalEvent<int>("n")).ToList();
                return await Task.WhenAll(waits);
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Many");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => engine.Client.RaiseEventAsync(id, "n", i)));
        var result = await engine.CompleteAsync(id);

        Assert.Equal(Enumerable.Range(0, 20), result.ReadOutputAs<int[]>()!.Order());
    }

    [Fact]
    public async Task WaitForExternalEvent_TimeoutFirst_ThrowsTaskCanceled()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Timeout", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("never", TimeSpan.FromMilliseconds(200));
                }
                catch (TaskCanceledException)
                {
                    return "timed out";
                }
            }));

        var result = await engine.RunAsync("Timeout");

        Assert.Equal("timed out", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventBeforeTimeout_WinsAndTimerIsIgnored()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Race", async (ctx, _) =>
                await ctx.WaitForExternalEvent<string>("answer", TimeSpan.FromHours(1))));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.RaiseEventAsync(id, "answer", "42");
        var result = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("42", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SendEvent_ToAnotherInstance_IsReceived()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Receiver", async (ctx, _) => await ctx.WaitForExternalEvent<string>("ping"))
            .AddOrchestratorFunc<string, bool>("Sender", (ctx, target) =>
            {
                ctx.SendEvent(target!, "ping", "pong");
                return Task.FromResult(true);
            }));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Receiver", new StartOrchestrationOptions("receiver"));
        await engine.Client.WaitForInstanceStartAsync("receiver");

        await engine.RunAsync("Sender", "receiver");
        var received = await engine.CompleteAsync("receiver");

        Assert.Equal("pong", received.ReadOutputAs<string>());
    }
}
