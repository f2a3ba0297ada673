using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class LifecycleTests
{
    [Fact]
    public async Task SubOrchestration_CompletesAndFails_ParentSeesResultAndFailure()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Child", (ctx, n) => n < 0
                ? throw new InvalidOperationException("negative")
                : Task.FromResult(n * 2))
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                var ok = await ctx.CallSubOrchestratorAsync<int>("Child", 21, new SubOrchestrationOptions(instanceId: "child-1"));
                try
                {
                    await ctx.CallSubOrchestratorAsync<int>("Child", -1);
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ok}:{ex.FailureDetails.ErrorMessage}";
                }
            }));

        var result = await engine.RunAsync("Parent");
        var child = await engine.Client.GetInstanceAsync("child-1", true);

        Assert.Equal("42:negative", result.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Fact]
    public async Task ContinueAsNew_WithUnprocessedEvents_KeepsThemForTheNextExecution()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
            {
                if (n == 0)
                {
                    // Both events arrive before this timer fires; only the next execution reads them.
                    await ctx.CreateTimer(TimeSpan.FromMilliseconds(300), CancellationToken.None);
                    ctx.ContinueAsNew(1, preserveUnprocessedEvents: true);
                    return -1;
                }

                return n + await ctx.WaitForExternalEvent<int>("add") + await ctx.WaitForExternalEvent<int>("add");
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.RaiseEventAsync(id, "add", 10);
        await engine.Client.RaiseEventAsync(id, "add", 100);
        var result = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(111, result.ReadOutputAs<int>());
        Assert.Equal(1, result.ReadInputAs<int>());
    }

    [Fact]
    public async Task SuspendResume_EventWhileSuspended_IsHeldUntilResume()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Suspendable", async (ctx, _) => await ctx.WaitForExternalEvent<string>("go")));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Suspendable");
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.SuspendInstanceAsync(id, "maintenance");
        await DurableTaskWorkerTests.WaitUntilAsync(async () =>
            (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await engine.Client.RaiseEventAsync(id, "go", "done");
        await Task.Delay(300);
        var whileSuspended = await engine.Client.GetInstanceAsync(id);
        await engine.Client.ResumeInstanceAsync(id);
        var result = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, whileSuspended!.RuntimeStatus);
        Assert.Equal("done", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TerminateThenPurge_RunningInstance_IsTerminatedThenGone()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Forever", async (ctx, _) => await ctx.WaitForExternalEvent<string>("never")));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await engine.Client.WaitForInstanceStartAsync(id);

        var notPurgedWhileRunning = await engine.Client.PurgeInstanceAsync(id);
        await engine.Client.TerminateInstanceAsync(id, "stopped by test");
        var terminated = await engine.CompleteAsync(id);
        var purged = await engine.Client.PurgeInstanceAsync(id);

        Assert.Equal(0, notPurgedWhileRunning.PurgedInstanceCount);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal("stopped by test", terminated.ReadOutputAs<string>());
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync(id));
        Assert.Empty(await engine.Services.GetHistoryAsync(id));
    }

    [Fact]
    public async Task GetAllInstancesAndPurgeAll_Filtered_SeeOnlyMatchingInstances()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n)));
        for (var i = 0; i < 5; i++)
        {
            await engine.RunAsync("Echo", i, $"echo-{i}");
        }

        var all = new List<OrchestrationMetadata>();
        await foreach (var m in engine.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "echo-", PageSize: 2, FetchInputsAndOutputs: true)))
        {
            all.Add(m);
        }

        var purged = await engine.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Completed]));

        Assert.Equal(5, all.Count);
        Assert.Equal([0, 1, 2, 3, 4], all.Select(m => m.ReadOutputAs<int>()).Order());
        Assert.Equal(5, purged.PurgedInstanceCount);
    }

    [Fact]
    public async Task StartAt_FutureTime_StaysPendingUntilThen()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Later", (_, _) => Task.FromResult("ran")));

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Later",
            new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddMilliseconds(500)));
        var before = await engine.Client.GetInstanceAsync(id);
        var result = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, before!.RuntimeStatus);
        Assert.Equal("ran", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CustomStatus_SetByOrchestrator_IsVisibleToClient()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Status", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new { stage = "waiting" });
                return await ctx.WaitForExternalEvent<string>("go");
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Status");
        await DurableTaskWorkerTests.WaitUntilAsync(async () =>
            (await engine.Client.GetInstanceAsync(id, true))!.SerializedCustomStatus is not null);

        var running = await engine.Client.GetInstanceAsync(id, true);

        Assert.Equal("{\"stage\":\"waiting\"}", running!.SerializedCustomStatus);
    }
}
