using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Connectors.Azurite;
using RagnarokOps.Domain.Probes;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Orchestrations.Probes;
using RagnarokOps.Sandbox;
using RagnarokOps.Sandbox.Mail;
using RagnarokOps.Sandbox.Service;

namespace RagnarokOps.Functions.Demo;

/// <summary>
/// What the incident demo (and its bench) runs on, in one process on free loopback ports: the sandbox GitLab (checkout
/// seed), the sample service's health endpoint, an SMTP server that keeps what arrives, an in-memory Azurite and the
/// host, which probes the service and mails the on-call address. Rounds are started here, not by the minute timer.
/// </summary>
internal sealed class IncidentDemoStage : IAsyncDisposable
{
    public const string Target = "checkout-http";
    public const string Service = "checkout";
    public const string OnCall = "oncall@shop.example";

    /// <summary>
    /// Every second (a 6-field cron): the target is due in every round the demo starts, so an outage is noticed in
    /// seconds. The minute timer stays off; with it the two failing rounds would take two minutes.
    /// </summary>
    public const string Schedule = "* * * * * *";

    private readonly List<IAsyncDisposable> _owned;
    private int _round;
    private DateTimeOffset _lastSlot;

    private IncidentDemoStage(SandboxServer gitlab, SampleService service, SandboxSmtpServer smtp, WebApplication host, string hostUrl, List<IAsyncDisposable> owned)
    {
        GitLab = gitlab;
        SampleService = service;
        Smtp = smtp;
        Host = host;
        HostUrl = hostUrl;
        _owned = owned;
        Api = new HttpClient { BaseAddress = new Uri(gitlab.ApiUrl + "/") };
        Api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
    }

    public SandboxServer GitLab { get; }

    public SampleService SampleService { get; }

    public SandboxSmtpServer Smtp { get; }

    public WebApplication Host { get; }

    public string HostUrl { get; }

    /// <summary>The sandbox's REST API with the administrator's token.</summary>
    public HttpClient Api { get; }

    public string ProjectPath => GitLab.GroundTruth!.ProjectPath;

    public long ProjectId => GitLab.GroundTruth!.ProjectId;

    /// <param name="failures">Failing rounds in a row that open the incident (the demo: 2).</param>
    public static async Task<IncidentDemoStage> StartAsync(string dataDirectory, int failures, CancellationToken cancellationToken, Action<string>? progress = null)
    {
        var owned = new List<IAsyncDisposable>();
        try
        {
            var gitlab = await SandboxServer.StartAsync(
                new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = Path.Combine(dataDirectory, "gitlab"), Seed = "checkout" }, cancellationToken);
            owned.Add(gitlab);
            var truth = gitlab.GroundTruth ?? throw new InvalidOperationException("the sandbox has no ground truth: the data folder was not seeded with 'checkout'");
            progress?.Invoke($"GitLab sandbox on {gitlab.BaseUrl} with project {truth.ProjectPath} (id {truth.ProjectId})");

            var service = await SampleService.StartAsync(cancellationToken);
            owned.Add(service);
            progress?.Invoke($"Sample service {Service} on {service.Url} (GET /health answers 200 while it is up)");

            var smtp = new SandboxSmtpServer();
            owned.Add(smtp);
            progress?.Invoke($"SMTP server (in process, keeps what arrives) on 127.0.0.1:{smtp.Port}");

            var command = await AzuriteCommand.FindAsync([AppContext.BaseDirectory, Directory.GetCurrentDirectory()], cancellationToken)
                ?? throw new AzuriteException("the demo runs its task hub on Azurite, which is not installed: run `npm ci` in tools/");
            var azurite = await AzuriteServer.StartAsync(command, location: null, 0, 0, 0, cancellationToken);
            owned.Add(azurite);
            progress?.Invoke($"Azurite (in memory) on 127.0.0.1:{azurite.QueuePort} holds the Durable Task hub and the probe history");

            var hostUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
            var settings = new Dictionary<string, string?>
            {
                ["Ragnarok:Schedules:Enabled"] = "false",
                ["Ragnarok:Probes:Storage"] = "RagnarokDemoStorage",
                ["Ragnarok:Probes:Projects"] = truth.ProjectPath,
                ["Ragnarok:Probes:Targets:0:Name"] = Target,
                ["Ragnarok:Probes:Targets:0:Kind"] = "http",
                ["Ragnarok:Probes:Targets:0:Service"] = Service,
                ["Ragnarok:Probes:Targets:0:Url"] = service.HealthUrl.ToString(),
                ["Ragnarok:Probes:Targets:0:Schedule"] = Schedule,
                ["Ragnarok:Probes:Targets:0:Failures"] = failures.ToString(CultureInfo.InvariantCulture),
                ["Ragnarok:Probes:Targets:0:TimeoutSeconds"] = "2",
                ["Notifications:Smtp:Host"] = "127.0.0.1",
                ["Notifications:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Notifications:Smtp:UseTls"] = "false",
                ["Notifications:Smtp:From"] = "ragnarok@shop.example",
                ["Notifications:Email:To"] = OnCall,
            };
            var host = await DemoHost.StartAsync(dataDirectory, gitlab, DemoSecrets.LoadOrCreate(dataDirectory), hostUrl, azurite.ConnectionString, cancellationToken, "RagnarokIncidentDemo", settings);
            owned.Add(host);
            progress?.Invoke($"RagnarokOps host on {hostUrl} (dashboard at {hostUrl}/)");
            return new IncidentDemoStage(gitlab, service, smtp, host, hostUrl, owned);
        }
        catch
        {
            for (var i = owned.Count - 1; i >= 0; i--)
            {
                await owned[i].DisposeAsync();
            }

            throw;
        }
    }

    public DurableTaskClient Client => Host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts one probe round stamped with the current second and waits for it (incident flow included).</summary>
    public async Task<IncidentDemoRound> RoundAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _round);
        // One round a second at most, as the every-second cron allows: a round in the same second would find the target not due.
        var slot = SecondOf(DateTimeOffset.UtcNow);
        while (slot <= _lastSlot)
        {
            await Task.Delay(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond) + 1), cancellationToken);
            slot = SecondOf(DateTimeOffset.UtcNow);
        }

        _lastSlot = slot;
        var id = $"probe-round-demo-{slot.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{number}";
        var clock = Stopwatch.StartNew();
        await Client.ScheduleNewOrchestrationInstanceAsync(ProbeRoundOrchestration.Name, new ProbeRoundRequest(id, slot), new StartOrchestrationOptions(id), cancellationToken);
        // Poll rather than WaitForInstanceCompletionAsync: the provider's own wait polls every 2 s, which would be most of the latency measured.
        OrchestrationMetadata? done;
        while ((done = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken)) is not { IsCompleted: true })
        {
            await Task.Delay(25, cancellationToken);
        }

        var elapsed = clock.Elapsed;
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<ProbeRoundSummary>() is not { } summary)
        {
            throw new InvalidOperationException($"probe round {id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage ?? "no output"}");
        }

        return new IncidentDemoRound(number, id, summary, elapsed, DateTimeOffset.UtcNow - (clock.Elapsed - elapsed));
    }

    private static DateTimeOffset SecondOf(DateTimeOffset now) => new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }
}

/// <summary>One round the demo started: its number, instance id, what it found, how long it took end to end and when it was seen done.</summary>
internal sealed record IncidentDemoRound(int Number, string InstanceId, ProbeRoundSummary Summary, TimeSpan Elapsed, DateTimeOffset DoneAt)
{
    /// <summary>From the probe's answer (the activity's wall clock) to the round being done, incident flow included.</summary>
    public TimeSpan SinceProbe => Summary.Results.Count > 0 ? DoneAt - ProbeAnsweredAt : TimeSpan.Zero;

    /// <summary>When the round's first probe answered (the activity's wall clock); <see cref="DoneAt"/> when nothing was probed.</summary>
    public DateTimeOffset ProbeAnsweredAt => Summary.Results.Count > 0 ? Summary.Results.Min(r => r.Result.ObservedAt) : DoneAt;
}
