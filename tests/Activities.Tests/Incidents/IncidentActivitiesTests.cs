using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask;
using RagnarokOps.Activities.Incidents;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Notifications;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Sandbox;
using RagnarokOps.Sandbox.Mail;
using RagnarokOps.Tests.Shared;
using Microsoft.DurableTask.Client;
using RagnarokOps.Orchestrations.Incidents;
using RagnarokOps.Tests.Engine;

namespace RagnarokOps.Activities.Tests.Incidents;

/// <summary>The incident activities against the sandbox, a real SMTP server and a Kestrel chat receiver.</summary>
public sealed class IncidentActivitiesTests : IAsyncLifetime
{
    private const string Secret = "hunter2-s3cr3t";
    private readonly TempDirectory _data = new("ragnarok-incidents");
    private SandboxServer _server = null!;
    private SandboxSmtpServer _smtp = null!;
    private TestChatReceiver _chat = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "checkout" }, CancellationToken.None);
        _smtp = new SandboxSmtpServer();
        _chat = await TestChatReceiver.StartAsync();
        _services = Services(_smtp.Port);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _chat.DisposeAsync();
        await _smtp.DisposeAsync();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task FileIncidentIssue_TwoFailingSignals_OneIssueWithRepeatNoteCountTwo_RerunWritesNothing()
    {
        var first = await GradeAsync(Signal(SignalKind.Failing, 0));
        var filed = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(first);
        var second = await GradeAsync(Signal(SignalKind.Failing, 5));
        var repeat = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(second);
        var again = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(second);

        Assert.True(filed.Issue!.Created);
        Assert.Equal(filed.Issue.Iid, repeat.Issue!.Iid);
        Assert.Equal(2, repeat.Issue.Occurrences);
        Assert.Equal("repeat already noted", again.Action);
        var issues = await ListAsync(new GitLabIssueQuery { Labels = "incident" });
        var issue = Assert.Single(issues);
        Assert.Contains($"severity::{first.Grade.Severity}", issue.Labels);
        Assert.Contains("checkout", issue.Labels);
        Assert.DoesNotContain(Secret, issue.Description, StringComparison.Ordinal);
        var notes = await NotesAsync(issue.Iid);
        Assert.Single(notes, n => n.Body.Contains("occurrence **2**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendIncidentEmailAndChat_NewIncident_ArriveOnceWithLinksAndNoSecret()
    {
        var incident = await GradeAsync(Signal(SignalKind.Failing, 0));
        var issue = (await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(incident)).Issue!;
        var wiki = await RunAsync<WriteIncidentWikiActivity, IncidentIssueRequest, IncidentWikiResult>(new IncidentIssueRequest(incident, issue));
        var wikiAgain = await RunAsync<WriteIncidentWikiActivity, IncidentIssueRequest, IncidentWikiResult>(new IncidentIssueRequest(incident, issue));
        var request = new IncidentNotifyRequest(incident, issue, wiki.Url);

        var email = await RunAsync<SendIncidentEmailActivity, IncidentNotifyRequest, ChannelOutcome>(request);
        var emailAgain = await RunAsync<SendIncidentEmailActivity, IncidentNotifyRequest, ChannelOutcome>(request);
        var chat = await RunAsync<SendIncidentChatActivity, IncidentNotifyRequest, IncidentNotifyResult>(request);
        var chatAgain = await RunAsync<SendIncidentChatActivity, IncidentNotifyRequest, IncidentNotifyResult>(request);

        Assert.Equal("created", wiki.Action);
        Assert.Equal("unchanged", wikiAgain.Action);
        Assert.True(email.Sent);
        Assert.True(emailAgain.AlreadySent);
        var message = Assert.Single(_smtp.Messages);
        Assert.Contains("checkout", message.Subject, StringComparison.Ordinal);
        Assert.Contains(issue.WebUrl, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(wiki.Url, message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, message.HtmlBody + message.TextBody + message.Subject, StringComparison.Ordinal);
        Assert.All(chat.Channels, c => Assert.True(c.Sent, c.Detail));
        Assert.All(chatAgain.Channels, c => Assert.True(c.AlreadySent, c.Detail));
        Assert.Equal(2, _chat.Received.Count);
        Assert.Contains(_chat.Received, r => r.Path == "/slack" && r.Body.Contains(issue.WebUrl, StringComparison.Ordinal));
        Assert.Contains(_chat.Received, r => r.Path == "/teams" && r.Body.Contains("AdaptiveCard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileIncidentIssue_Recovered_NotesAndClosesOnce()
    {
        var failing = await GradeAsync(Signal(SignalKind.Failing, 0));
        var filed = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(failing);
        var recovered = await GradeAsync(Signal(SignalKind.Recovered, 10) with { Evidence = failing.Signal.Evidence });

        var closed = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(recovered);
        var rerun = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(recovered);

        Assert.Equal(filed.Issue!.Iid, closed.Issue!.Iid);
        Assert.True(closed.Issue.Closed);
        Assert.True(rerun.Issue!.Closed);
        var notes = await NotesAsync(filed.Issue.Iid);
        Assert.Single(notes, n => n.Body.Contains("Recovered at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileIncidentIssue_RecoveredWithKeepOpen_NotesAndStaysOpen()
    {
        var gitlab = _services.GetRequiredService<IGitLabClient>();
        var project = _server.GroundTruth!.ProjectId;
        var yaml = await gitlab.GetRawFileAsync(project, ".ragnarok.yaml", "main", CancellationToken.None);
        await gitlab.CreateCommitAsync(project, new GitLabCommitRequest
        {
            Branch = "main",
            CommitMessage = "keep incidents open",
            Actions = [new GitLabCommitAction { Action = "update", FilePath = ".ragnarok.yaml", Content = yaml.TrimEnd() + "\nincidents:\n  keep_open: true\n" }],
        }, CancellationToken.None);
        var filed = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(await GradeAsync(Signal(SignalKind.Failing, 0)));
        var recovered = await GradeAsync(Signal(SignalKind.Recovered, 10));

        var result = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(recovered);

        Assert.True(recovered.KeepOpen);
        Assert.Equal("recovered, kept open", result.Action);
        Assert.Equal("opened", (await gitlab.GetIssueAsync(project, filed.Issue!.Iid, CancellationToken.None)).State);
    }

    [Fact]
    public async Task FileIncidentIssue_ServiceWithUserOwners_AssignsThemByTheirGitLabIds()
    {
        var incident = await GradeAsync(Signal(SignalKind.Failing, 0));

        var filed = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(incident);

        Assert.Equal(["@alice", "@dave"], incident.Owners);
        var issue = await _services.GetRequiredService<IGitLabClient>().GetIssueAsync(filed.Issue!.ProjectId, filed.Issue.Iid, CancellationToken.None);
        Assert.Equal(["alice", "dave"], issue.Assignees!.Select(a => a.Username));
        var alice = await _services.GetRequiredService<IGitLabClient>().FindUserAsync("alice", CancellationToken.None);
        Assert.Contains(alice!.Id, issue.Assignees!.Select(a => a.Id));
        Assert.Contains("- Assignee: @alice, @dave\n", issue.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileIncidentIssue_ServiceWithoutOwner_AssignsNobodyAndTheBodySaysWhy()
    {
        var incident = await GradeAsync(Signal(SignalKind.Failing, 0) with { Service = "payments", Target = "payments-http" });

        var filed = await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(incident);

        var issue = await _services.GetRequiredService<IGitLabClient>().GetIssueAsync(filed.Issue!.ProjectId, filed.Issue.Iid, CancellationToken.None);
        Assert.Empty(issue.Assignees ?? []);
        Assert.Contains("- Assignee: nobody — no owner: no service named `payments` in .ragnarok.yaml\n", issue.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendIncidentEmail_SmtpDown_FailsNamingTheSetting()
    {
        var port = SandboxSmtpServer.FreePort();
        await using var services = Services(port);
        var incident = await GradeAsync(Signal(SignalKind.Failing, 0));
        var issue = (await RunAsync<FileIncidentIssueActivity, IncidentCase, FileIncidentResult>(incident)).Issue!;

        var error = await Assert.ThrowsAsync<NotificationException>(() =>
            RunAsync<SendIncidentEmailActivity, IncidentNotifyRequest, ChannelOutcome>(new IncidentNotifyRequest(incident, issue, null), services));

        Assert.Equal($"Notifications:Smtp:Host: connection refused at 127.0.0.1:{port}", error.Message);
        var notes = await NotesAsync(issue.Iid);
        Assert.DoesNotContain(notes, n => n.Body.Contains("ragnarok:incident-sent", StringComparison.Ordinal));
        Assert.Equal("opened", (await _services.GetRequiredService<IGitLabClient>().GetIssueAsync(issue.ProjectId, issue.Iid, CancellationToken.None)).State);
    }

    [Fact]
    public async Task IncidentOrchestration_OnTheEngine_FilesIssueWritesWikiWithRankedSuspectsAndNotifies()
    {
        await using var engine = await EngineHost.StartAsync(r => r.AddIncidentTasks().AddEscalationActivities(), services: s => AddServices(s, _smtp.Port));
        var truth = _server.GroundTruth!;
        var onset = truth.OnsetAt!.Value;
        var signal = Signal(SignalKind.Failing, 0) with
        {
            ObservedAt = onset.AddMinutes(3),
            StartedAt = onset.AddMinutes(1),
            Summary = "HTTP probe checkout-http failing 3 rounds in a row: HTTP 500 from POST /api/checkout",
            Evidence = [$"{onset.AddMinutes(1):u} failing: HTTP 500 System.NullReferenceException at Checkout.Api.Controllers.CheckoutController.PlaceOrder"],
        };

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(IncidentOrchestration.Name, signal);
        var done = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<IncidentOutcome>()!;
        Assert.Empty(outcome.Failed);
        Assert.NotNull(outcome.IssueIid);
        Assert.EndsWith($"/-/wikis/incidents/checkout-{outcome.Fingerprint}", outcome.WikiUrl, StringComparison.Ordinal);
        Assert.Equal(["email", "slack", "teams"], outcome.Sent.Where(c => c.Sent).Select(c => c.Channel));
        Assert.Single(_smtp.Messages);
        var page = await _services.GetRequiredService<IGitLabClient>().GetWikiPageAsync(truth.ProjectId, $"incidents/checkout-{outcome.Fingerprint}", CancellationToken.None);
        var content = page.Content ?? "";
        var suspects = content[content.IndexOf("## Suspect changes", StringComparison.Ordinal)..];
        Assert.StartsWith($"#### 1. [{truth.CulpritTitle}](", suspects[suspects.IndexOf("#### 1.", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains($"`{truth.CulpritSha}`", suspects, StringComparison.Ordinal);
        Assert.Contains("ranked by the escalations' scorer against the onset", suspects, StringComparison.Ordinal);
        Assert.DoesNotContain("Not ranked", content, StringComparison.Ordinal);
    }

    private IncidentSignal Signal(SignalKind kind, int minutes) => new(
        _server.GroundTruth!.ProjectPath,
        "checkout",
        IncidentSource.Probe,
        "health",
        kind,
        new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero).AddMinutes(minutes),
        "HTTP 503 from /health 3 rounds in a row",
        ["GET /health -> 503 Service Unavailable", $"connection string: Server=db;Password={Secret}", "java.lang.OutOfMemoryError: Java heap space"],
        3);

    private Task<IncidentCase> GradeAsync(IncidentSignal signal) => RunAsync<GradeIncidentActivity, IncidentSignal, IncidentCase>(signal);

    private Task<TOut> RunAsync<TActivity, TIn, TOut>(TIn input, ServiceProvider? services = null)
        where TActivity : TaskActivity<TIn, TOut> =>
        RunInAsync<TActivity, TIn, TOut>(services ?? _services, input);

    private static async Task<TOut> RunInAsync<TActivity, TIn, TOut>(ServiceProvider services, TIn input)
        where TActivity : TaskActivity<TIn, TOut>
    {
        await using var scope = services.CreateAsyncScope();
        var activity = ActivatorUtilities.CreateInstance<TActivity>(scope.ServiceProvider);
        return await activity.RunAsync(new FakeActivityContext(typeof(TActivity).Name, "incident-test"), input);
    }

    private async Task<List<GitLabIssue>> ListAsync(GitLabIssueQuery query)
    {
        var list = new List<GitLabIssue>();
        await foreach (var i in _services.GetRequiredService<IGitLabClient>().ListIssuesAsync(_server.GroundTruth!.ProjectId, query, CancellationToken.None))
        {
            list.Add(i);
        }

        return list;
    }

    private async Task<List<GitLabNote>> NotesAsync(long iid)
    {
        var list = new List<GitLabNote>();
        await foreach (var n in _services.GetRequiredService<IGitLabClient>().ListIssueNotesAsync(_server.GroundTruth!.ProjectId, iid, CancellationToken.None))
        {
            list.Add(n);
        }

        return list;
    }

    private ServiceProvider Services(int smtpPort) => AddServices(new ServiceCollection(), smtpPort).BuildServiceProvider();

    private IServiceCollection AddServices(IServiceCollection services, int smtpPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = _server.BaseUrl.ToString(),
            ["GitLab:Token"] = _server.Token,
            ["GitLab:MaxRetryAttempts"] = "0",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:UseTls"] = "false",
            ["Notifications:Smtp:From"] = "ragnarok@example.test",
            ["Notifications:Email:To"] = "oncall@example.test",
            ["Notifications:Chat:SlackUrl"] = new Uri(_chat.BaseUrl, "slack").ToString(),
            ["Notifications:Chat:TeamsUrl"] = new Uri(_chat.BaseUrl, "teams").ToString(),
            ["Notifications:MaxRetryAttempts"] = "0",
            ["Logs:BaseDirectory"] = _data.Path,
        }).Build();
        return services.AddIncidents(configuration).AddEscalationActivities(configuration, System.IO.Path.Combine(_data.Path, "artifacts"));
    }
}
