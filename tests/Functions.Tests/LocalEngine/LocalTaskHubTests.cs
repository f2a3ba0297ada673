using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.LocalEngine;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.LocalEngine;

/// <summary>The local engine on the test Azurite: two hosts on one task hub share the work, and every step runs once.</summary>
public sealed class LocalTaskHubTests
{
    private const int Cases = 12;
    private const int Steps = 3;

    [Fact]
    public async Task TwoHosts_OneTaskHub_ShareCasesAndRunEachStepOnce()
    {
        using var dir = new TempDirectory();
        var hub = TestAzurite.NewHubName();
        var ran = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        using var a = await StartAsync(dir.Combine("a"), hub, "worker-a", ran);
        using var b = await StartAsync(dir.Combine("b"), hub, "worker-b", ran);
        var client = a.Services.GetRequiredService<DurableTaskClient>();

        var ids = await Task.WhenAll(Enumerable.Range(0, Cases).Select(i => client.ScheduleNewOrchestrationInstanceAsync("Steps", $"case-{i}")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        foreach (var id in ids)
        {
            OrchestrationMetadata? done;
            while ((done = await client.GetInstanceAsync(id, timeout.Token)) is not { IsCompleted: true })
            {
                await Task.Delay(100, timeout.Token);
            }

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        }

        // Each (case, step) ran exactly once, whichever host ran it.
        Assert.Equal(Cases * Steps, ran.Count);
        Assert.All(ran, r => Assert.Single(r.Value));
        var workers = ran.Values.SelectMany(w => w).Distinct().ToList();
        Assert.True(workers.Count == 2, $"only {string.Join(", ", workers)} ran steps: the second host took no partition");
        await a.StopAsync();
        await b.StopAsync();
    }

    private static Task<IHost> StartAsync(string root, string hub, string worker, ConcurrentDictionary<string, ConcurrentBag<string>> ran) =>
        LocalHosts.StartAsync(
            root,
            TestAzurite.HostJson(hub).Replace("\"partitionCount\": 1", "\"partitionCount\": 4", StringComparison.Ordinal),
            r => r
                .AddActivityFunc<string, string>("Step", async (_, step) =>
                {
                    ran.GetOrAdd(step!, _ => []).Add(worker);
                    await Task.Delay(50);
                    return step!;
                })
                .AddOrchestratorFunc<string, int>("Steps", async (ctx, name) =>
                {
                    for (var i = 0; i < Steps; i++)
                    {
                        await ctx.CallActivityAsync<string>("Step", $"{name}/{i}");
                    }

                    return Steps;
                }),
            new Dictionary<string, string?> { [LocalEngineSettings.WorkerIdKey] = worker });
}
