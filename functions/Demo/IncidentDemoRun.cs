using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using RagnarokOps.Domain.Incidents;
using Spectre.Console;

namespace RagnarokOps.Functions.Demo;

/// <summary>
/// <c>ragnarok demo --scenario incident</c>: the sample service goes down, the probe notices within two rounds, and the
/// incident issue, its RCA wiki page, the email (caught by the in-process SMTP server) and the dashboard are printed;
/// then the service recovers and the issue is closed.
/// </summary>
internal sealed class IncidentDemoRun(IAnsiConsole console)
{
    /// <summary>Failing rounds in a row that open the incident: a single failed probe (a flap) pages nobody.</summary>
    public const int Failures = 2;

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var data = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(data);
        console.MarkupLineInterpolated($"[bold]RagnarokOps demo, incident scenario[/]: data folder [blue]{data}[/]");
        await using var stage = await IncidentDemoStage.StartAsync(data, Failures, cancellationToken, line => console.MarkupLineInterpolated($"{line}"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;

        console.MarkupLineInterpolated($"Probe target [bold]{IncidentDemoStage.Target}[/]: GET {stage.SampleService.HealthUrl}, schedule '{IncidentDemoStage.Schedule}', {Failures} failing rounds in a row open an incident.");
        console.MarkupLineInterpolated($"  [grey]Short interval for the demo: the host's timer runs one round a minute, so two failing rounds would take two minutes; here the demo starts a round every {Pause.TotalSeconds:0} s itself, and the every-second cron keeps the target due in each.[/]");

        var up = await RoundAsync(stage, ct);
        stage.SampleService.Down = true;
        console.MarkupLineInterpolated($"[yellow]The sample service goes down[/]: /health now answers 503 '{Sandbox.Service.SampleService.DownBody}'");

        IncidentDemoRound? detected = null;
        var failing = 0;
        for (var i = 0; i < Failures + 2 && detected is null; i++)
        {
            await Task.Delay(Pause, ct);
            var round = await RoundAsync(stage, ct);
            failing++;
            if (round.Summary.Signals.Any(s => s.Kind == SignalKind.Failing))
            {
                detected = round;
            }
        }

        if (detected is null)
        {
            console.MarkupLineInterpolated($"[red]No incident after {failing} failing rounds[/]");
            return 1;
        }

        console.MarkupLineInterpolated($"[green]Noticed[/] in round {detected.Number}, the {Ordinal(failing)} failing round: issue, wiki page, email and the page's ranked suspects done {detected.Elapsed.TotalSeconds:0.0} s after the round started (goal < 5 s)");
        var issue = await IssueAsync(stage, ct);
        var wiki = await WikiAsync(stage, ct);
        using var mailWait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        mailWait.CancelAfter(TimeSpan.FromSeconds(10));
        var email = await stage.Smtp.WaitForAsync(_ => true, mailWait.Token);
        PrintIssue(issue);
        PrintWiki(wiki);
        PrintEmail(email);
        var (probeStatus, openIncidents) = await DashboardAsync(stage, ct);

        stage.SampleService.Down = false;
        console.MarkupLineInterpolated($"[yellow]The sample service recovers[/]: /health answers 200 again");
        await Task.Delay(Pause, ct);
        var recovered = await RoundAsync(stage, ct);
        var closed = await IssueAsync(stage, ct, issue?.Iid);
        console.MarkupLineInterpolated($"Incident issue #{closed?.Iid} is now [bold]{closed?.State ?? "missing"}[/]");
        var recoveryEmail = stage.Smtp.Messages.Skip(1).FirstOrDefault();
        if (recoveryEmail is not null)
        {
            console.MarkupLineInterpolated($"Recovery email: [bold]{recoveryEmail.Subject}[/]");
        }

        var summary = new IncidentDemoSummary(
            closed,
            wiki?["web_url"]?.GetValue<string>() ?? WikiUrl(stage, wiki),
            wiki?["title"]?.GetValue<string>(),
            email.Subject,
            email.TextBody,
            email.To.Mailboxes.Select(m => m.Address).ToList(),
            recoveryEmail?.Subject,
            stage.HostUrl + "/",
            probeStatus,
            openIncidents,
            detected.Number,
            failing,
            Math.Round(detected.Elapsed.TotalSeconds, 2),
            [.. detected.Summary.Incidents ?? [], .. recovered.Summary.Incidents ?? []],
            data,
            Math.Round(clock.Elapsed.TotalSeconds, 1));
        if (options.SummaryPath is { } path)
        {
            await summary.WriteAsync(Path.GetFullPath(path), cancellationToken);
            console.MarkupLineInterpolated($"Summary written to [blue]{Path.GetFullPath(path)}[/]");
        }

        console.MarkupLineInterpolated($"Done in {clock.Elapsed.TotalSeconds:0.0} s; everything is kept in [blue]{data}[/]");
        return closed?.State == "closed" && up.Summary.Results.All(r => r.Result.Ok) ? 0 : 1;
    }

    private async Task<IncidentDemoRound> RoundAsync(IncidentDemoStage stage, CancellationToken cancellationToken)
    {
        var round = await stage.RoundAsync(cancellationToken);
        foreach (var row in round.Summary.Results)
        {
            var state = row.Result.Ok ? "[green]up[/]" : $"[red]failing[/] ({row.State.ConsecutiveFailures} in a row)";
            console.MarkupLine($"  round {round.Number} ({round.Summary.Slot:HH:mm:ss}): {Markup.Escape(row.Target.Name)} {state}: {Markup.Escape(row.Result.Detail)} [grey]({round.Elapsed.TotalSeconds:0.0} s)[/]");
        }

        foreach (var line in round.Summary.Incidents ?? [])
        {
            console.MarkupLineInterpolated($"    incident flow: {line}");
        }

        foreach (var problem in round.Summary.Problems)
        {
            console.MarkupLineInterpolated($"    [red]problem:[/] {problem}");
        }

        return round;
    }

    private static async Task<IncidentDemoIssue?> IssueAsync(IncidentDemoStage stage, CancellationToken cancellationToken, long? iid = null)
    {
        var issues = await stage.Api.GetFromJsonAsync<JsonArray>($"projects/{stage.ProjectId}/issues?labels={IncidentRenderer.IncidentLabel}&state=all", cancellationToken) ?? [];
        var found = issues.Select(i => i!.AsObject()).FirstOrDefault(i => iid is null || i["iid"]!.GetValue<long>() == iid);
        return found is null
            ? null
            : new IncidentDemoIssue(
                found["iid"]!.GetValue<long>(),
                found["web_url"]?.GetValue<string>() ?? "",
                found["title"]?.GetValue<string>() ?? "",
                found["labels"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [],
                found["state"]?.GetValue<string>() ?? "",
                found["assignees"]?.AsArray().Select(a => a!["username"]!.GetValue<string>()).ToList() ?? []);
    }

    private static async Task<JsonObject?> WikiAsync(IncidentDemoStage stage, CancellationToken cancellationToken)
    {
        var pages = await stage.Api.GetFromJsonAsync<JsonArray>($"projects/{stage.ProjectId}/wikis?with_content=1", cancellationToken) ?? [];
        return pages.Select(p => p!.AsObject()).FirstOrDefault(p => p["slug"]?.GetValue<string>().StartsWith("incidents/", StringComparison.Ordinal) == true);
    }

    private static string? WikiUrl(IncidentDemoStage stage, JsonObject? wiki) =>
        wiki?["slug"]?.GetValue<string>() is { } slug ? $"{stage.GitLab.BaseUrl.ToString().TrimEnd('/')}/{stage.ProjectPath}/-/wikis/{slug}" : null;

    private void PrintIssue(IncidentDemoIssue? issue)
    {
        if (issue is null)
        {
            console.MarkupLine("[red]Incident issue: none found in the sandbox[/]");
            return;
        }

        console.MarkupLineInterpolated($"[bold]Incident issue #{issue.Iid}[/]: {issue.Title}");
        console.MarkupLineInterpolated($"  link:   [link]{issue.Url}[/]");
        console.MarkupLineInterpolated($"  labels: {string.Join(", ", issue.Labels)}");
        console.MarkupLineInterpolated($"  assignee: {(issue.Assignees.Count > 0 ? string.Join(", ", issue.Assignees) : "none")}");
    }

    private void PrintWiki(JsonObject? wiki)
    {
        if (wiki is null)
        {
            console.MarkupLine("[red]RCA wiki page: none found in the sandbox[/]");
            return;
        }

        console.MarkupLineInterpolated($"[bold]RCA wiki page[/] {wiki["title"]?.GetValue<string>()}");
        var content = wiki["content"]?.GetValue<string>() ?? "";
        foreach (var line in content.Split('\n').Where(l => l.StartsWith('#') || l.StartsWith("Incident issue", StringComparison.Ordinal) || l.StartsWith("**Verdict:**", StringComparison.Ordinal)).Take(16))
        {
            console.MarkupLineInterpolated($"  {line.TrimEnd()}");
        }
    }

    private void PrintEmail(MimeMessage email)
    {
        console.MarkupLineInterpolated($"[bold]Email caught by the SMTP server[/] to {string.Join(", ", email.To.Mailboxes.Select(m => m.Address))}");
        console.MarkupLineInterpolated($"  subject: {email.Subject}");
        console.MarkupLine("  text part:");
        foreach (var line in (email.TextBody ?? "(no text part)").Split('\n').Take(20))
        {
            console.MarkupLineInterpolated($"    {line.TrimEnd()}");
        }
    }

    private async Task<(string? Status, int OpenIncidents)> DashboardAsync(IncidentDemoStage stage, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(stage.HostUrl) };
        var snapshot = await http.GetFromJsonAsync<JsonObject>("/api/dashboard", cancellationToken);
        var probe = snapshot?["probes"]?["rows"]?.AsArray().Select(r => r!.AsObject()).FirstOrDefault(r => r["target"]?.GetValue<string>() == IncidentDemoStage.Target);
        var incidents = snapshot?["incidents"]?["rows"]?.AsArray() ?? [];
        var status = probe?["status"]?.GetValue<string>();
        console.MarkupLineInterpolated($"[bold]Dashboard[/] [link]{stage.HostUrl}/[/] (JSON at {stage.HostUrl}/api/dashboard):");
        console.MarkupLineInterpolated($"  probe {IncidentDemoStage.Target}: {status ?? "not shown"}, {probe?["points"]?.AsArray().Count ?? 0} point(s) on its chart");
        console.MarkupLineInterpolated($"  open incidents: {incidents.Count}{string.Concat(incidents.Select(i => $" — #{i!["iid"]} {i["title"]} ({i["severity"]})"))}");
        return (status, incidents.Count);
    }

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => $"{n}th" };
}
