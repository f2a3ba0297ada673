using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class PoisonTests
{
    [Fact]
    public async Task Activity_RunningMuchLongerThanItsLock_RunsOnce_BecauseTheLockIsRenewed()
    {
        var runs = 0;
        await using var engine = await EngineHost.StartAsync(
            r => r
                .AddActivityFunc<object?, int>("Long", async (_, _) =>
                {
                    Interlocked.Increment(ref runs);
                    await Task.Delay(TimeSpan.FromSeconds(1.5));
                    return 1;
                })
                .AddOrchestratorFunc<object?, int>("Patient", async (ctx, _) => await ctx.CallActivityAsync<int>("Long")),
            options: o =>
            {
                // Ten lock lifetimes pass while the activity runs; without renewal it would be dequeued again and poisoned.
                o.LockTimeout = TimeSpan.FromMilliseconds(150);
                o.MaxDequeueCount = 3;
            });

        var result = await engine.RunAsync("Patient");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(1, runs);
    }
}
