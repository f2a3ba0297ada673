using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Domain.Pipelines;
using RagnarokOps.Functions.Tests.Webhooks;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Pipelines;

/// <summary>
/// Pipeline triage end to end: the sandbox (pipelines seed) finishes a running job as a runner would, sends GitLab's
/// Pipeline Hook to the real host, and the triage orchestration runs on the local engine and writes one note.
/// </summary>
public sealed class PipelineTriageTests
{
    [Fact]
    public async Task FailedPipelineHook_TriagesOnTheEngine_OneNotePerPipeline()
    {
        await using var flow = await SandboxFlow.StartAsync("pipelines");
        var (host, api) = (flow.Host, flow.Api);
        var payments = await ProjectIdAsync(api, "shop%2Fpayments");
        var ledger = await ProjectIdAsync(api, "shop%2Fledger");
        foreach (var id in new[] { payments, ledger })
        {
            await api.PostAsJsonAsync($"projects/{id}/hooks", new { url = $"{host.Url}/api/webhooks/gitlab", token = FlowTestHost.Secret, issues_events = false, pipeline_events = true });
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(180));

        // main: green, then red with the fees commit.
        var (mainPipeline, mainSha) = await FailRunningJobAsync(api, payments, "main");
        var main = await OutcomeAsync(host, $"pipeline-{payments}-{mainPipeline}", wait.Token);
        var job = Assert.Single(main.Diagnosis.Jobs);
        Assert.Equal(FailureNovelty.New, job.Novelty);
        Assert.NotNull(job.Chunk);
        Assert.Contains("Refund_RoundsToEven", job.Chunk, StringComparison.Ordinal);
        Assert.NotNull(job.BaselineJobId);
        Assert.Null(main.Diagnosis.Environment);
        Assert.Equal("pipeline:main", main.Signal.Target);
        Assert.Equal(RagnarokOps.Domain.Incidents.IncidentSource.Pipeline, main.Signal.Source);
        Assert.Contains(main.Signal.Evidence, l => l.Contains("Refund_RoundsToEven", StringComparison.Ordinal));
        var note = Assert.Single(await TriageNotesAsync(api, payments, mainSha, main.Diagnosis.Marker));
        Assert.Contains("**new failure**", note, StringComparison.Ordinal);
        Assert.Contains($"confidence **{PipelineDoctor.Percent(job.Confidence)}**", note, StringComparison.Ordinal);
        Assert.Contains("Refund_RoundsToEven", note, StringComparison.Ordinal);

        // The failure became an incident through the incident flow, run inline: one issue labelled incident.
        Assert.Contains(main.Incidents!, l => l.StartsWith("pipeline:main Failing → issue #", StringComparison.Ordinal));
        var incidentIssues = (await api.GetFromJsonAsync<JsonArray>($"projects/{payments}/issues?labels=incident&state=opened"))!;
        Assert.NotEmpty(incidentIssues);

        // GitLab redelivers the same hook: the instance exists, nothing new is posted.
        var hook = (await api.GetFromJsonAsync<JsonArray>($"projects/{payments}/hooks"))![0]!["id"]!.GetValue<long>();
        var events = (await api.GetFromJsonAsync<JsonArray>($"projects/{payments}/hooks/{hook}/events"))!;
        var delivered = events.OfType<JsonObject>().First(e => e.ToJsonString().Contains($"\"id\":{mainPipeline},", StringComparison.Ordinal) && e.ToJsonString().Contains("Pipeline Hook", StringComparison.Ordinal));
        var resend = await api.PostAsync($"projects/{payments}/hooks/{hook}/events/{delivered["id"]!.GetValue<long>()}/resend", null);
        Assert.Equal(HttpStatusCode.Created, resend.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), wait.Token);
        Assert.Single(await TriageNotesAsync(api, payments, mainSha, main.Diagnosis.Marker));

        // maintenance: the previous pipeline failed the same job.
        var (maintenancePipeline, _) = await FailRunningJobAsync(api, payments, "maintenance");
        var maintenance = await OutcomeAsync(host, $"pipeline-{payments}-{maintenancePipeline}", wait.Token);
        Assert.Equal(FailureNovelty.AlreadyFailing, Assert.Single(maintenance.Diagnosis.Jobs).Novelty);

        // staging fails where dev passes with the same code: the environment, payments.rounding_mode.
        var (stagingPipeline, stagingSha) = await FailRunningJobAsync(api, payments, "staging");
        var staging = await OutcomeAsync(host, $"pipeline-{payments}-{stagingPipeline}", wait.Token);
        Assert.Equal("staging", staging.Diagnosis.Environment);
        var verdict = Assert.Single(staging.Diagnosis.Doctor);
        Assert.Equal(DoctorCause.Environment, verdict.Cause);
        Assert.Contains(verdict.ConfigDifferences, d => d.Key == "payments.rounding_mode" && d.BaseValue == "bankers" && d.Value == "away_from_zero");
        var stagingNote = Assert.Single(await TriageNotesAsync(api, payments, stagingSha, staging.Diagnosis.Marker));
        Assert.Contains("Pipeline Doctor (staging, `test`): **environment**", stagingNote, StringComparison.Ordinal);

        // ledger: the same commit fails on dev too: the code.
        var (ledgerPipeline, _) = await FailRunningJobAsync(api, ledger, "staging");
        var code = await OutcomeAsync(host, $"pipeline-{ledger}-{ledgerPipeline}", wait.Token);
        Assert.Equal(DoctorCause.Code, Assert.Single(code.Diagnosis.Doctor).Cause);
    }

    internal static async Task<long> ProjectIdAsync(HttpClient api, string path) =>
        (await api.GetFromJsonAsync<JsonObject>($"projects/{path}"))!["id"]!.GetValue<long>();

    /// <summary>Finishes the ref's running test job as failed, as the runner would (PUT /jobs/:id); returns the pipeline and its commit.</summary>
    internal static async Task<(long Pipeline, string Sha)> FailRunningJobAsync(HttpClient api, long project, string gitRef)
    {
        var pipeline = (await api.GetFromJsonAsync<JsonArray>($"projects/{project}/pipelines?ref={gitRef}&status=running"))!.OfType<JsonObject>().Single();
        var id = pipeline["id"]!.GetValue<long>();
        var running = (await api.GetFromJsonAsync<JsonArray>($"projects/{project}/pipelines/{id}/jobs?scope[]=running"))!.OfType<JsonObject>().Single();
        var put = await api.PutAsJsonAsync($"jobs/{running["id"]!.GetValue<long>()}", new { state = "failed", failure_reason = "script_failure" });
        put.EnsureSuccessStatusCode();
        return (id, pipeline["sha"]!.GetValue<string>());
    }

    private static async Task<PipelineTriageOutcome> OutcomeAsync(FlowTestHost host, string instanceId, CancellationToken cancellationToken)
    {
        while (await host.Client.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            await Task.Delay(100, cancellationToken);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        return done.ReadOutputAs<PipelineTriageOutcome>()!;
    }

    private static async Task<List<string>> TriageNotesAsync(HttpClient api, long project, string sha, string marker) =>
        (await api.GetFromJsonAsync<JsonArray>($"projects/{project}/repository/commits/{sha}/discussions"))!
            .SelectMany(d => d!["notes"]!.AsArray())
            .Select(n => n!["body"]!.GetValue<string>())
            .Where(b => b.Contains(marker, StringComparison.Ordinal))
            .ToList();
}
