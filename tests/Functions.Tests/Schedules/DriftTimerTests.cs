using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.Schedules;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Functions.Tests.Environments;
using RagnarokOps.Functions.Tests.LocalEngine;
using RagnarokOps.Orchestrations.Environments;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Schedules;

/// <summary>The drift timer on the real engine against the envsync sandbox: one check per project per slot, one tracking issue.</summary>
[Collection(EnvsyncHostCollection.Name)]
public sealed class DriftTimerTests(EnvsyncHost sandbox)
{
    [Fact]
    public async Task Tick_StartsOneCheckPerSlot_SaysWhyForTheRest_AndKeepsOneTrackingIssue()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 10, 15, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = sandbox.Server.BaseUrl.ToString(),
            ["GitLab:Token"] = sandbox.Server.Token,
            ["Environments:Projects"] = "platform/inventory, platform/billing",
            ["Ragnarok:Schedules:Enabled"] = "false",
        };
        using var host = await LocalHosts.StartAsync(dir.Path, TestAzurite.HostJson(TestAzurite.NewHubName()), r => r.AddEnvironmentTasks(), settings, (s, c) =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddGitLabClient(c.Configuration);
            s.AddEnvironments(c.Configuration);
            s.AddScheduledJobs().AddLocalSchedules();
            s.AddSingleton(sp => new EngineClient(sp.GetRequiredService<DurableTaskClient>()));
        });
        var schedules = host.Services.GetRequiredService<LocalSchedules>();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        var first = Assert.Single(await schedules.TickAsync(CancellationToken.None));
        var again = Assert.Single(await schedules.TickAsync(CancellationToken.None));

        var id = DriftTimer.InstanceId("platform/inventory", new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("drift-platform+inventory-20261207T1000Z", id);
        Assert.True(first.Started.Count == 1, $"started: [{string.Join(", ", first.Started)}]; not started: [{string.Join("; ", first.NotStarted)}]");
        Assert.Contains(id, first.Started[0], StringComparison.Ordinal);
        Assert.Contains(first.NotStarted, r => r.StartsWith("platform/billing: no drift check:", StringComparison.Ordinal));
        Assert.Empty(again.Started);
        Assert.Contains(again.NotStarted, r => r.Contains("already ran", StringComparison.Ordinal) && r.Contains(id, StringComparison.Ordinal));
        await WaitCompletedAsync(client, id);

        clock.Advance(TimeSpan.FromHours(1));
        var next = Assert.Single(Assert.Single(await schedules.TickAsync(CancellationToken.None)).Started);
        Assert.Contains("drift-platform+inventory-20261207T1100Z", next, StringComparison.Ordinal);
        await WaitCompletedAsync(client, "drift-platform+inventory-20261207T1100Z");

        var gitlab = host.Services.GetRequiredService<IGitLabClient>();
        var tracking = new List<GitLabIssue>();
        await foreach (var issue in gitlab.ListIssuesAsync("platform/inventory", new GitLabIssueQuery { Search = "ragnarok:envsync-drift", State = "all" }, CancellationToken.None))
        {
            tracking.Add(issue);
        }

        Assert.Single(tracking);
        await host.StopAsync();
    }

    private static async Task WaitCompletedAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus} {done.SerializedOutput}");
        Assert.Contains("\"Publish\":true", done.SerializedInput ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }
}
