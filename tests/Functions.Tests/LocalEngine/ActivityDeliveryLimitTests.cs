using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagnarokOps.Functions.LocalEngine;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.LocalEngine;

/// <summary>
/// A poison activity: every host that takes it dies with it (here: is stopped while it runs). The queue's own delivery
/// count ends it after the limit, with the reason, instead of redelivering it forever.
/// </summary>
public sealed class ActivityDeliveryLimitTests
{
    [Fact]
    public async Task ActivityNeverCompleting_PastTheLimit_FailsTheOrchestrationWithTheReason_AndRunsNoMore()
    {
        using var dir = new TempDirectory();
        var hub = TestAzurite.NewHubName();
        var runs = new ConcurrentBag<int>();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new Dictionary<string, string?> { [LocalEngineSettings.MaxActivityDeliveriesKey] = "2" };
        string? id = null;
        OrchestrationMetadata? done = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            // Each host runs the activity until it is stopped; the next host gets the message once its visibility lapses.
            for (var host = 0; host < 4 && done is null; host++)
            {
                using var h = await LocalHosts.StartAsync(
                    dir.Combine($"h{host}"), TestAzurite.HostJson(hub, visibility: "00:00:05"), r => Register(r, runs, release.Task), settings);
                var client = h.Services.GetRequiredService<DurableTaskClient>();
                id ??= await client.ScheduleNewOrchestrationInstanceAsync("Poisoned", "input");
                var runsBefore = runs.Count;
                while (runs.Count == runsBefore && done is null)
                {
                    var state = await client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
                    done = state is { IsCompleted: true } ? state : null;
                    await Task.Delay(100, timeout.Token);
                }

                if (done is null)
                {
                    await h.StopAsync();
                }
            }

            Assert.NotNull(done);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
            Assert.Equal(2, runs.Count);
            // The Azure Storage provider keeps the failure message as the output.
            var failure = done.FailureDetails?.ErrorMessage ?? done.SerializedOutput ?? string.Empty;
            Assert.Contains("activity 'Hang'", failure, StringComparison.Ordinal);
            Assert.Contains("delivered 3 times without completing", failure, StringComparison.Ordinal);
            Assert.Contains(LocalEngineSettings.MaxActivityDeliveriesKey, failure, StringComparison.Ordinal);
        }
        finally
        {
            release.TrySetResult("late");
        }
    }

    private static void Register(DurableTaskRegistry registry, ConcurrentBag<int> runs, Task<string> release) => registry
        .AddActivityFunc<string, string>("Hang", async (_, _) =>
        {
            runs.Add(runs.Count + 1);
            return await release;
        })
        .AddOrchestratorFunc<string, string>("Poisoned", (ctx, input) => ctx.CallActivityAsync<string>("Hang", input));
}
