using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Demo;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Sandbox;

namespace RagnarokOps.Functions.Tests.EndToEnd;

/// <summary>The checkout seed in a sandbox and the host wired as the demo wires it, with the sandbox's REST API at hand.</summary>
internal sealed class SandboxCase : IAsyncDisposable
{
    private SandboxCase(string data, SandboxServer gitlab, DemoSecrets secrets)
    {
        Data = data;
        GitLab = gitlab;
        Secrets = secrets;
        Api = new HttpClient { BaseAddress = new Uri(gitlab.ApiUrl + "/") };
        Api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
    }

    /// <summary>One task hub per sandbox, kept across host restarts (a restarted host finds its cases).</summary>
    private readonly string _hubName = TestAzurite.NewHubName();

    public string Data { get; }

    public SandboxServer GitLab { get; }

    public DemoSecrets Secrets { get; }

    public HttpClient Api { get; }

    public long ProjectId => GitLab.GroundTruth!.ProjectId;

    public static async Task<SandboxCase> StartAsync(string data)
    {
        Directory.CreateDirectory(data);
        var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = Path.Combine(data, "gitlab"), Seed = "checkout" }, CancellationToken.None);
        return new SandboxCase(data, gitlab, DemoSecrets.LoadOrCreate(data));
    }

    public async Task<WebApplication> StartHostAsync()
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var app = await DemoHost.StartAsync(Data, GitLab, Secrets, url, await TestAzurite.ConnectionStringAsync(), CancellationToken.None, _hubName);
        (await Api.PostAsJsonAsync($"projects/{ProjectId}/hooks", new { url = $"{url}/api/webhooks/gitlab", token = Secrets.WebhookSecret, issues_events = true, note_events = true })).EnsureSuccessStatusCode();
        return app;
    }

    /// <summary>Opens the seed's escalation issue; the sandbox's webhook starts the case. Returns the issue iid.</summary>
    public async Task<long> OpenEscalationAsync()
    {
        var truth = GitLab.GroundTruth!;
        var response = await Api.PostAsJsonAsync(
            $"projects/{ProjectId}/issues", new { title = truth.IssueTitle, description = truth.IssueDescription, labels = string.Join(',', truth.IssueLabels) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["iid"]!.GetValue<long>();
    }

    public static async Task<EscalationStatus> WaitForStepAsync(WebApplication app, string instanceId, string step)
    {
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, true, timeout.Token);
            if (instance?.ReadCustomStatusAs<EscalationStatus>() is { } status && status.Step == step)
            {
                return status;
            }

            Assert.False(instance?.IsCompleted == true, $"the case ended {instance?.RuntimeStatus} before {step}: {instance?.FailureDetails?.ErrorMessage}");
            await Task.Delay(100, timeout.Token);
        }
    }

    public static async Task<OrchestrationMetadata> WaitForCompletionAsync(WebApplication app, string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await app.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Starts the issue's case again by a <c>/ragnarok triage</c> note, as a person would after a lost delivery.</summary>
    public async Task RetriggerAsync(long iid) =>
        (await Api.PostAsJsonAsync($"projects/{ProjectId}/issues/{iid}/notes", new { body = "/ragnarok triage" })).EnsureSuccessStatusCode();

    public async Task<JsonArray> GetArrayAsync(string path) => (await Api.GetFromJsonAsync<JsonArray>(path))!;

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await GitLab.DisposeAsync();
    }
}
