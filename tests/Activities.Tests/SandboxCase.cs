using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;
using RagnarokOps.Sandbox;
using RagnarokOps.Sandbox.Seeding;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Activities.Tests;

/// <summary>
/// A real sandbox (checkout seed) on a free loopback port with the escalation issue opened, and the activities'
/// services from <see cref="EscalationActivitiesServiceCollectionExtensions.AddEscalationActivities"/> pointing at it.
/// The first steps of the flow are run once and shared, as the orchestrator would pass them on.
/// </summary>
public sealed class SandboxCase : IAsyncLifetime
{
    private readonly TempDirectory _data = new("ragnarok-activities");
    private readonly TempDirectory _artifacts = new("ragnarok-artifacts");
    private Task<CaseFile>? _caseFile;
    private Task<EvidenceBundle>? _evidence;
    private Task<CaseDiagnosis>? _diagnosis;
    private Task<ReproResult>? _repro;

    public SandboxServer Server { get; private set; } = null!;

    public GroundTruth Truth => Server.GroundTruth!;

    public ServiceProvider Services { get; private set; } = null!;

    public IGitLabClient GitLab => Services.GetRequiredService<IGitLabClient>();

    public CaseRef Case { get; private set; } = null!;

    public string ArtifactsDirectory => _artifacts.Path;

    public string DataDirectory => _data.Path;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "checkout" }, CancellationToken.None);
        Services = CreateServices(Server, _data.Path, _artifacts.Path);
        var issue = await GitLab.CreateIssueAsync(Truth.ProjectId, new GitLabNewIssue
        {
            Title = Truth.IssueTitle,
            Description = Truth.IssueDescription,
            Labels = string.Join(',', Truth.IssueLabels),
        }, CancellationToken.None);
        Case = new CaseRef(Truth.ProjectId, Truth.ProjectPath, issue.Iid);
    }

    public static ServiceProvider CreateServices(SandboxServer server, string logsDirectory, string artifactsDirectory)
    {
        var services = new ServiceCollection();
        AddServices(services, server, logsDirectory, artifactsDirectory);
        return services.BuildServiceProvider();
    }

    /// <summary>The activities' services as a host registers them, pointed at the sandbox, with a fake approval link issuer.</summary>
    public static void AddServices(IServiceCollection services, SandboxServer server, string logsDirectory, string artifactsDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = server.BaseUrl.ToString(),
            ["GitLab:Token"] = server.Token,
            ["GitLab:MaxRetryAttempts"] = "0",
            ["Logs:BaseDirectory"] = logsDirectory,
        }).Build();
        services.AddEscalationActivities(configuration, artifactsDirectory);
        services.AddSingleton<IApprovalLinkIssuer, FakeApprovalLinkIssuer>();
    }

    /// <summary>Runs an activity as the worker does: created from DI in a fresh scope, with a context naming the instance.</summary>
    public async Task<TOut> RunAsync<TActivity, TIn, TOut>(TIn input)
        where TActivity : TaskActivity<TIn, TOut>
    {
        await using var scope = Services.CreateAsyncScope();
        var activity = ActivatorUtilities.CreateInstance<TActivity>(scope.ServiceProvider);
        return await activity.RunAsync(new FakeActivityContext(typeof(TActivity).Name, Case.InstanceId), input);
    }

    public Task<CaseFile> CaseFileAsync() =>
        _caseFile ??= RunAsync<NormalizeEscalationActivity, CaseRef, CaseFile>(Case);

    public Task<CaseDiagnosis> DiagnosisAsync() => _diagnosis ??= ScoreAsync();

    public Task<ReproResult> ReproAsync() => _repro ??= BuildReproAsync();

    private async Task<CaseDiagnosis> ScoreAsync() =>
        await RunAsync<ScoreHypothesesActivity, ScoreRequest, CaseDiagnosis>(new ScoreRequest(await CaseFileAsync(), await EvidenceAsync()));

    private async Task<ReproResult> BuildReproAsync() =>
        await RunAsync<BuildReproPlanActivity, ReproRequest, ReproResult>(new ReproRequest(await CaseFileAsync(), await EvidenceAsync(), await DiagnosisAsync()));

    /// <summary>The fan-in the orchestrator builds from the five gatherers.</summary>
    public Task<EvidenceBundle> EvidenceAsync() => _evidence ??= GatherAsync();

    private async Task<EvidenceBundle> GatherAsync()
    {
        var caseFile = await CaseFileAsync();
        var request = new GatherRequest(caseFile);
        var logs = await RunAsync<GatherLogsActivity, GatherRequest, LogsResult>(request);
        var deployments = await RunAsync<GatherDeploymentsActivity, GatherRequest, SourceResult<DeploymentEvidence>>(request);
        var commits = await RunAsync<GatherCommitsActivity, GatherRequest, SourceResult<CommitEvidence>>(request);
        var flags = await RunAsync<GatherFlagChangesActivity, GatherRequest, SourceResult<FlagChangeEvidence>>(request);
        var pipelines = await RunAsync<GatherPipelinesActivity, GatherRequest, SourceResult<PipelineEvidence>>(request);
        var missing = new[] { logs.Missing, deployments.Missing, commits.Missing, flags.Missing, pipelines.Missing }.OfType<MissingEvidence>().ToList();
        return new EvidenceBundle(caseFile.Window, logs.Logs, deployments.Items, commits.Items, flags.Items, pipelines.Items, missing);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        _data.Dispose();
        _artifacts.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxCase>
{
    public const string Name = "sandbox";
}

internal sealed class FakeActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => new(name);

    public override string InstanceId => instanceId;
}

/// <summary>Stands in for the host's signed links (functions/Approvals): records what it was asked for.</summary>
internal sealed class FakeApprovalLinkIssuer : IApprovalLinkIssuer
{
    public List<ApprovalLinkRequest> Requests { get; } = [];

    public Task<ApprovalLink> IssueAsync(ApprovalLinkRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(new ApprovalLink($"http://127.0.0.1:7071/api/approvals/{request.InstanceId}?token=signed-{request.Action}", request.Action, request.ExpiresAt));
    }
}

internal static class ServiceProviderExtensions
{
    public static IGitLabClient GetRequiredGitLab(this IServiceProvider services) => services.GetRequiredService<IGitLabClient>();
}
