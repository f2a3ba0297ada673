using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Probes;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Functions.Tests.Webhooks;
using RagnarokOps.Orchestrations.Probes;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Incidents;

/// <summary>
/// The watch loop end to end on the local engine: a real HTTP service answering 503, probe rounds a minute apart, the
/// flap rule opening an incident on the second failure, the incident flow filing one labelled issue in the sandbox,
/// and the dashboard showing the target down with its points.
/// </summary>
public sealed class ProbeIncidentFlowTests
{
    [Fact]
    public async Task TwoFailingRounds_OpenOneIncidentIssue_ThirdRoundRepeatsIt_DashboardShowsTheTargetDown()
    {
        using var dir = new TempDirectory();
        await using var service = await StartFailingServiceAsync();
        await using var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = dir.Combine("sandbox"), Seed = "checkout" }, CancellationToken.None);
        Directory.CreateDirectory(dir.Combine("host"));
        var table = $"probes{Guid.NewGuid():N}"[..20];
        await using var host = await FlowTestHost.StartAsync(dir.Combine("host"), new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = gitlab.BaseUrl.ToString(),
            ["GitLab:Token"] = gitlab.Token,
            ["Ragnarok:Schedules:Enabled"] = "false",
            ["Ragnarok:Probes:Storage"] = TestAzurite.ConnectionName,
            ["Ragnarok:Probes:Table"] = table,
            ["Ragnarok:Probes:Projects"] = "shop/checkout",
            ["Ragnarok:Probes:Targets:0:Name"] = "checkout-http",
            ["Ragnarok:Probes:Targets:0:Kind"] = "http",
            ["Ragnarok:Probes:Targets:0:Service"] = "checkout",
            ["Ragnarok:Probes:Targets:0:Url"] = service.Url + "/health",
            ["Ragnarok:Probes:Targets:0:Failures"] = "2",
        });
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        var first = await RoundAsync(host, start, wait.Token);
        Assert.False(Assert.Single(first.Results).Result.Ok);
        Assert.Empty(first.Signals);

        var second = await RoundAsync(host, start.AddMinutes(1), wait.Token);
        var signal = Assert.Single(second.Signals);
        Assert.Equal(SignalKind.Failing, signal.Kind);
        // The first failing round's time came back from the history table: the RCA page measures suspects against it.
        var firstFailed = Assert.Single(first.Results).Result.ObservedAt;
        Assert.InRange(signal.StartedAt!.Value, firstFailed.AddSeconds(-1), firstFailed.AddSeconds(1));
        Assert.True(signal.StartedAt < signal.ObservedAt);
        var filed = Assert.Single(second.Incidents!);
        Assert.StartsWith("checkout-http Failing → issue #", filed, StringComparison.Ordinal);

        using var api = new HttpClient { BaseAddress = new Uri(gitlab.BaseUrl, "api/v4/") };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
        var issues = (await api.GetFromJsonAsync<JsonArray>("projects/shop%2Fcheckout/issues?labels=incident&state=opened", wait.Token))!;
        var issue = Assert.Single(issues)!.AsObject();
        Assert.Contains("checkout", issue["labels"]!.AsArray().Select(l => l!.GetValue<string>()));

        // Still failing: the open incident gets a repeat, never a second issue.
        var third = await RoundAsync(host, start.AddMinutes(2), wait.Token);
        Assert.All(third.Incidents ?? [], line => Assert.DoesNotContain("created", line, StringComparison.Ordinal));
        Assert.Single((await api.GetFromJsonAsync<JsonArray>("projects/shop%2Fcheckout/issues?labels=incident&state=opened", wait.Token))!);

        var snapshot = (await host.Http.GetFromJsonAsync<JsonObject>("/api/dashboard", wait.Token))!;
        var probe = Assert.Single(snapshot["probes"]!["rows"]!.AsArray())!.AsObject();
        Assert.Equal("checkout-http", probe["target"]!.GetValue<string>());
        Assert.Equal("down", probe["status"]!.GetValue<string>());
        Assert.Equal(3, probe["points"]!.AsArray().Count);
        var incident = Assert.Single(snapshot["incidents"]!["rows"]!.AsArray())!.AsObject();
        Assert.Equal(issue["iid"]!.GetValue<long>(), incident["iid"]!.GetValue<long>());
    }

    [Fact]
    public async Task PolicyProbe_NoHostTargets_TheRoundProbesTheRepositorysTargetAndFilesTheIncident()
    {
        using var dir = new TempDirectory();
        await using var service = await StartFailingServiceAsync();
        await using var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = dir.Combine("sandbox"), Seed = "checkout" }, CancellationToken.None);
        using var api = new HttpClient { BaseAddress = new Uri(gitlab.BaseUrl, "api/v4/") };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
        var policy = await api.GetStringAsync("projects/shop%2Fcheckout/repository/files/.ragnarok.yaml/raw?ref=main");
        const string anchor = "      cloud_role: checkout-api\n";
        var probes = $"    probes:\n      - {{ name: checkout-policy-http, kind: http, url: \"{service.Url}/health\", failures: 1 }}\n";
        using var commit = await api.PostAsJsonAsync("projects/shop%2Fcheckout/repository/commits", new
        {
            branch = "main",
            commit_message = "Probe the checkout service from its policy",
            actions = new[] { new { action = "update", file_path = ".ragnarok.yaml", content = policy.Replace(anchor, anchor + probes, StringComparison.Ordinal) } },
        });
        Assert.True(commit.IsSuccessStatusCode, await commit.Content.ReadAsStringAsync());
        Directory.CreateDirectory(dir.Combine("host"));
        await using var host = await FlowTestHost.StartAsync(dir.Combine("host"), new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = gitlab.BaseUrl.ToString(),
            ["GitLab:Token"] = gitlab.Token,
            ["Ragnarok:Schedules:Enabled"] = "false",
            ["Ragnarok:Probes:Storage"] = TestAzurite.ConnectionName,
            ["Ragnarok:Probes:Table"] = $"probes{Guid.NewGuid():N}"[..20],
            ["Ragnarok:Probes:Projects"] = "shop/checkout",
        });
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(240));

        var round = await RoundAsync(host, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), wait.Token);

        Assert.Empty(round.Problems);
        var row = Assert.Single(round.Results);
        Assert.Equal(("checkout-policy-http", "checkout", "shop/checkout"), (row.Target.Name, row.Target.Service, row.Target.Project));
        Assert.StartsWith("shop/checkout/.ragnarok.yaml:", row.Target.Source, StringComparison.Ordinal);
        Assert.False(row.Result.Ok);
        Assert.StartsWith("checkout-policy-http Failing → issue #", Assert.Single(round.Incidents!), StringComparison.Ordinal);
        var snapshot = (await host.Http.GetFromJsonAsync<JsonObject>("/api/dashboard", wait.Token))!;
        var probe = Assert.Single(snapshot["probes"]!["rows"]!.AsArray())!.AsObject();
        Assert.Equal(("checkout-policy-http", "down"), (probe["target"]!.GetValue<string>(), probe["status"]!.GetValue<string>()));
    }

    private static async Task<ProbeRoundSummary> RoundAsync(FlowTestHost host, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var id = $"probe-round-test-{slot:HHmm}-{Guid.NewGuid():N}";
        await host.Client.ScheduleNewOrchestrationInstanceAsync(ProbeRoundOrchestration.Name, new ProbeRoundRequest(id, slot), new StartOrchestrationOptions(id), cancellationToken);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        return done.ReadOutputAs<ProbeRoundSummary>()!;
    }

    private static async Task<FailingService> StartFailingServiceAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text("database unavailable", statusCode: 503));
        await app.StartAsync();
        var url = app.Urls.First();
        return new FailingService(app, url);
    }

    private sealed record FailingService(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
