using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using RagnarokOps.Connectors.Azurite;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Sandbox;
using Spectre.Console;

namespace RagnarokOps.Functions.Demo;

/// <summary>
/// <c>ragnarok demo</c>: the sandbox (checkout seed) and the host in one process, wired by a real webhook; an escalation
/// issue opened in the sandbox starts the case, which is narrated step by step until the draft MR.
/// </summary>
internal sealed class DemoRun(IAnsiConsole console)
{
    public async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var data = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(data);
        console.MarkupLineInterpolated($"[bold]RagnarokOps demo[/]: data folder [blue]{data}[/]");

        await using var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = Path.Combine(data, "gitlab"), Seed = "checkout" }, cancellationToken);
        var truth = gitlab.GroundTruth ?? throw new InvalidOperationException("the sandbox has no ground truth: the data folder was not seeded with 'checkout'");
        console.MarkupLineInterpolated($"GitLab sandbox on [blue]{gitlab.BaseUrl}[/] with project [bold]{truth.ProjectPath}[/] (id {truth.ProjectId})");

        var command = await AzuriteCommand.FindAsync([AppContext.BaseDirectory, Directory.GetCurrentDirectory()], cancellationToken)
            ?? throw new AzuriteException("the demo runs its task hub on Azurite, which is not installed: run `npm ci` in tools/");
        await using var azurite = await AzuriteServer.StartAsync(command, location: null, 0, 0, 0, cancellationToken);
        console.MarkupLineInterpolated($"Azurite (in memory) on [blue]127.0.0.1:{azurite.QueuePort}[/] holds the Durable Task hub");

        var secrets = DemoSecrets.LoadOrCreate(data);
        var hostUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        await using var app = await DemoHost.StartAsync(data, gitlab, secrets, hostUrl, azurite.ConnectionString, cancellationToken);
        console.MarkupLineInterpolated($"RagnarokOps host on [blue]{hostUrl}[/]");

        using var api = new HttpClient { BaseAddress = new Uri(gitlab.ApiUrl + "/") };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
        var instanceId = await OpenEscalationAsync(api, truth, hostUrl, secrets, cancellationToken);
        console.MarkupLineInterpolated($"Case [bold]{instanceId}[/] started by the sandbox's issue webhook");

        var client = app.Services.GetRequiredService<DurableTaskClient>();
        // Ctrl+C and SIGTERM reach the web hosts' lifetime first; following it lets the demo end instead of polling on.
        var stopping = app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        timeout.CancelAfter(options.Timeout);
        var narrator = new DemoNarrator(console, options.Approve, hostUrl, data);
        var final = await narrator.FollowAsync(client, instanceId, timeout.Token);

        var summary = DemoReport.Summarize(final, instanceId, data, clock.Elapsed);
        DemoReport.Print(console, final, summary);
        if (options.SummaryPath is { } path)
        {
            await summary.WriteAsync(Path.GetFullPath(path), cancellationToken);
            console.MarkupLineInterpolated($"Summary written to [blue]{Path.GetFullPath(path)}[/]");
        }

        console.MarkupLineInterpolated($"Done in {clock.Elapsed.TotalSeconds:0.0} s; everything is kept in [blue]{data}[/]");
        return DemoReport.ExitCode(final);
    }

    private static async Task<string> OpenEscalationAsync(HttpClient api, Sandbox.Seeding.GroundTruth truth, string hostUrl, DemoSecrets secrets, CancellationToken cancellationToken)
    {
        var hook = await api.PostAsJsonAsync(
            $"projects/{truth.ProjectId}/hooks",
            new { url = $"{hostUrl}/api/webhooks/gitlab", token = secrets.WebhookSecret, issues_events = true, note_events = true },
            cancellationToken);
        hook.EnsureSuccessStatusCode();
        var issue = await api.PostAsJsonAsync(
            $"projects/{truth.ProjectId}/issues",
            new { title = truth.IssueTitle, description = truth.IssueDescription, labels = string.Join(',', truth.IssueLabels) },
            cancellationToken);
        issue.EnsureSuccessStatusCode();
        var created = await issue.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(cancellationToken);
        return $"escalation-{truth.ProjectId}-{created!["iid"]!.GetValue<long>()}";
    }

    /// <summary>The approval form's POST, as a browser sends it after the person presses Approve.</summary>
    internal static async Task<HttpResponseMessage> ApproveAsync(string approvalUrl, string by, CancellationToken cancellationToken)
    {
        var url = new Uri(approvalUrl);
        var token = QueryHelpers.ParseQuery(url.Query)["token"].ToString();
        using var http = new HttpClient();
        return await http.PostAsync(
            new Uri(url.GetLeftPart(UriPartial.Path)),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["decision"] = "approve", ["by"] = by }),
            cancellationToken);
    }
}
