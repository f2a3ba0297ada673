using System.Diagnostics;
using System.Net.Http.Json;
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
        var narrator = new DemoNarrator(console, options.Approve, gitlab.ApiUrl, data);
        var final = await narrator.FollowAsync(client, instanceId, timeout.Token);

        var runs = await RunRegressionAsync(options, gitlab, data, instanceId, cancellationToken);
        var summary = DemoReport.Summarize(final, instanceId, data, clock.Elapsed) with { RegressionRuns = runs };
        DemoReport.Print(console, final, summary);
        if (options.SummaryPath is { } path)
        {
            await summary.WriteAsync(Path.GetFullPath(path), cancellationToken);
            console.MarkupLineInterpolated($"Summary written to [blue]{Path.GetFullPath(path)}[/]");
        }

        console.MarkupLineInterpolated($"Done in {clock.Elapsed.TotalSeconds:0.0} s; everything is kept in [blue]{data}[/]");
        return DemoReport.ExitCode(final);
    }

    /// <summary>The case's repro (and, asked, its regression test) against the staging copy, which still carries the bug: each must fail.</summary>
    private async Task<IReadOnlyList<DemoRegressionRun>> RunRegressionAsync(DemoOptions options, SandboxServer gitlab, string data, string instanceId, CancellationToken cancellationToken)
    {
        if (gitlab.StagingUrl is not { } staging)
        {
            return [];
        }

        console.MarkupLineInterpolated($"Running the case's repro against the staging copy on [blue]{staging}[/] (it still carries the bug)");
        var runs = new List<DemoRegressionRun>();
        if (await DemoRegression.RunScriptAsync(Path.Combine(data, "artifacts", instanceId), staging, cancellationToken) is { } script)
        {
            runs.Add(script);
        }

        if (options.RunTest && await DemoRegression.RunTestAsync(data, DemoEvidence.BundlePath(data, instanceId), staging, cancellationToken) is { } test)
        {
            runs.Add(test);
        }

        return runs;
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

    /// <summary>The sandbox user who approves in the demo: a maintainer listed in the seeded policy's approval.users.</summary>
    internal const string Approver = "carol";

    /// <summary>
    /// Approves as a person does: a <c>/ragnarok approve</c> comment on the issue, written with the approver's own
    /// GitLab token, so GitLab (here the sandbox) says who wrote it and its Note Hook carries the decision to the host.
    /// </summary>
    internal static async Task<HttpResponseMessage> ApproveAsync(Uri gitlabApi, string instanceId, string comment, CancellationToken cancellationToken)
    {
        var (projectId, iid) = IssueOf(instanceId);
        using var http = new HttpClient { BaseAddress = new Uri(gitlabApi.ToString().TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", ApproverToken);
        return await http.PostAsJsonAsync($"projects/{projectId}/issues/{iid}/notes", new { body = $"/ragnarok approve {comment}" }, cancellationToken);
    }

    /// <summary>The seeded approver's sandbox token (demo data, the same on every sandbox).</summary>
    internal static string ApproverToken => $"glpat-{Approver}-sandbox";

    internal static (long ProjectId, long Iid) IssueOf(string instanceId)
    {
        var parts = instanceId.Split('-');
        return (long.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
