using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class DurableTaskWorkerTests
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Cairo", "Lima"];

    private static void HelloCities(DurableTaskRegistry r) => r
        .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello {city}!")
        .AddOrchestratorFunc<object?, List<string>>("HelloCities", async (ctx, _) =>
        {
            var results = new List<string>();
            foreach (var city in Cities)
            {
                results.Add(await ctx.CallActivityAsync<string>("SayHello", city));
            }

            return results;
        });

    [Fact]
    public async Task HelloCities_FiveSequentialActivities_CompletesWithAllGreetings()
    {
        await using var engine = await EngineHost.StartAsync(HelloCities);

        var result = await engine.RunAsync("HelloCities");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Cities.Select(c => $"Hello {c}!"), result.ReadOutputAs<List<string>>());
    }

    [Fact]
    public async Task FanOut_ThousandActivities_SumsEveryResult()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, n) => n * n)
            .AddOrchestratorFunc<int, long>("FanOut", async (ctx, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
                var results = await Task.WhenAll(tasks);
                return results.Sum(x => (long)x);
            }));

        var result = await engine.RunAsync("FanOut", 1000);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(i => (long)i * i), result.ReadOutputAs<long>());
    }

    [Fact]
    public async Task ScheduleNew_SameIdWhileRunning_IsRefusedButRecreatableWhenDone()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Wait", async (ctx, _) => await ctx.WaitForExternalEvent<string>("go")));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", new StartOrchestrationOptions("dup"));

        var error = await Assert.ThrowsAsync<DurableTask.Storage.InstanceAlreadyExistsException>(
            () => engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", new StartOrchestrationOptions("dup")));
        await engine.Client.RaiseEventAsync("dup", "go", "first");
        var first = await engine.CompleteAsync("dup");
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", new StartOrchestrationOptions("dup"));
        await engine.Client.RaiseEventAsync("dup", "GO", "second");
        var second = await engine.CompleteAsync("dup");

        Assert.Contains("dup", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", first.ReadOutputAs<string>());
        Assert.Equal("second", second.ReadOutputAs<string>());
    }

    [Fact]
    public async Task NonDeterministicChange_WhileInFlight_FailsNamingBothActivities()
    {
        var variant = "A";
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc<object?, string>("A", (_, _) => "a")
            .AddActivityFunc<object?, string>("B", (_, _) => "b")
            .AddOrchestratorFunc<object?, string>("Changing", async (ctx, _) =>
            {
                var first = await ctx.CallActivityAsync<string>(variant);
                return first + await ctx.WaitForExternalEvent<string>("go");
            }));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Changing");
        await WaitUntilAsync(async () => (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Running
            && await HistoryCountAsync(engine, id) >= 5);

        variant = "B";
        await engine.Client.RaiseEventAsync(id, "go", "!");
        var result = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("'A'", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'B'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityFailure_NotHandled_FailsInstanceWithDetails()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc("Boom", new Func<TaskActivityContext, object?, int>((_, _) => throw new InvalidOperationException("kaboom")))
            .AddOrchestratorFunc<object?, int>("Fails", async (ctx, _) => await ctx.CallActivityAsync<int>("Boom")));

        var result = await engine.RunAsync("Fails");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Equal("kaboom", result.FailureDetails.InnerFailure!.ErrorMessage);
        Assert.True(result.FailureDetails.InnerFailure.IsCausedBy<InvalidOperationException>());
    }

    [Fact]
    public async Task Retry_PolicyWithBackoff_RetriesUntilSuccessUsingDurableTimers()
    {
        var attempts = 0;
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc<object?, int>("Flaky", (_, _) => Interlocked.Increment(ref attempts) < 3 ? throw new TimeoutException("again") : attempts)
            .AddOrchestratorFunc<object?, int>("Retrying", async (ctx, _) => await ctx.CallActivityAsync<int>(
                "Flaky", TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMilliseconds(50), 2.0)))));

        var result = await engine.RunAsync("Retrying");
        var history = await engine.Services.GetHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, result.ReadOutputAs<int>());
        Assert.Equal(2, history.Count(h => h.Type == DurableTask.Storage.EventType.TimerFired));
    }

    [Fact]
    public async Task Retry_HandleFailureRejects_StopsAfterFirstAttempt()
    {
        var attempts = 0;
        await using var engine = await EngineHost.StartAsync(r => r
            .AddActivityFunc("Bad", new Func<TaskActivityContext, object?, int>(
                (_, _) => throw new ArgumentException($"attempt {Interlocked.Increment(ref attempts)}")))
            .AddOrchestratorFunc<object?, int>("NoRetry", async (ctx, _) => await ctx.CallActivityAsync<int>(
                "Bad", TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMilliseconds(10))
                {
                    HandleFailure = f => !f.IsCausedBy<ArgumentException>(),
                }))));

        var result = await engine.RunAsync("NoRetry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, attempts);
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(EngineHost.Timeout);
        while (!await condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    internal static async Task<int> HistoryCountAsync(EngineHost engine, string id) => (await engine.Services.GetHistoryAsync(id)).Count;
}
