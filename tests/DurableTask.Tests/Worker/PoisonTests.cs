using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class PoisonTests
{
    [Fact]
    public async Task Activity_OutlivesItsLockRepeatedly_FailsInstanceAsPoison()
    {
        var runs = 0;
        await using var engine = await EngineHost.StartAsync(
            r => r
                .AddActivityFunc<object?, int>("Hangs", async (_, _) =>
                {
                    Interlocked.Increment(ref runs);
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    return 1;
                })
                .AddOrchestratorFunc<object?, int>("Poisoned", async (ctx, _) => await ctx.CallActivityAsync<int>("Hangs")),
            options: o =>
            {
                o.LockTimeout = TimeSpan.FromMilliseconds(150);
                o.MaxDequeueCount = 3;
            });

        var result = await engine.RunAsync("Poisoned");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("more than 3 times", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, runs);
    }
}
