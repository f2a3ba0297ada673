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
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    return 1;
                })
                .AddOrchestratorFunc<object?, int>("Patient", async (ctx, _) => await ctx.CallActivityAsync<int>("Long")),
            options: o =>
            {
                // Three lock lifetimes pass while the activity runs; without renewal it would be dequeued again and
                // poisoned. A renewal every third of a second leaves two thirds of one for a loaded machine's delays.
                o.LockTimeout = TimeSpan.FromSeconds(1);
                o.MaxDequeueCount = 3;
            });

        var result = await engine.RunAsync("Patient");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(1, runs);
    }
}
