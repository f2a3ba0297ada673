using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>/envsync in an issue note, through the sandbox's real webhook to the real host: one orchestration, one answer note.</summary>
public sealed class EnvsyncNoteTests
{
    [Fact]
    public async Task DriftCheckNote_RunsOnTheEngine_AndAnswersOnceOnTheIssue()
    {
        await using var flow = await SandboxFlow.StartWithNoteHookAsync("envsync", "platform/inventory");
        var (host, api, projectId) = (flow.Host, flow.Api, flow.ProjectId);
        var iid = await flow.OpenIssueAsync(projectId, "Is staging drifting?");

        var note = (await (await api.PostAsJsonAsync($"projects/{projectId}/issues/{iid}/notes", new { body = "Let's see.\n/envsync drift-check" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var command = new EnvsyncCommand(projectId, "platform/inventory", iid, note["id"]!.GetValue<long>(), "drift-check", "", "x");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        OrchestrationMetadata? started;
        while ((started = await host.Client.GetInstanceAsync(command.InstanceId, wait.Token)) is null)
        {
            await Task.Delay(100, wait.Token);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        var outcome = done.ReadOutputAs<EnvsyncOutcome>()!;
        Assert.True(outcome.Acted);
        Assert.Equal("1 unexpected difference(s)", outcome.Summary);

        var answers = (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/issues/{iid}/notes"))!
            .Select(n => n!["body"]!.GetValue<string>())
            .Where(b => b.Contains(command.AnswerMarker, StringComparison.Ordinal))
            .ToList();
        var answer = Assert.Single(answers);
        Assert.Contains("**1 unexpected difference(s)**", answer, StringComparison.Ordinal);
        Assert.Contains("Tracking issue: #", answer, StringComparison.Ordinal);
    }
}

/// <summary>/envsync doctor in an issue note: the Pipeline Doctor's verdict for a failed staging pipeline, as one answer note.</summary>
public sealed class EnvsyncDoctorNoteTests
{
    [Fact]
    public async Task DoctorNote_StagingFailsWhereDevPasses_AnswersEnvironmentWithTheDifferingKey()
    {
        await using var flow = await SandboxFlow.StartAsync("pipelines");
        var (host, api) = (flow.Host, flow.Api);
        var projectId = await flow.ProjectIdAsync("shop/payments");
        var (stagingPipeline, _) = await Pipelines.PipelineTriageTests.FailRunningJobAsync(api, projectId, "staging");
        await flow.HookNotesAsync(projectId);
        var iid = await flow.OpenIssueAsync(projectId, "Why is staging red?");

        var note = (await (await api.PostAsJsonAsync($"projects/{projectId}/issues/{iid}/notes", new { body = $"/envsync doctor {stagingPipeline}" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var command = new EnvsyncCommand(projectId, "shop/payments", iid, note["id"]!.GetValue<long>(), "doctor", "", "x");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await host.Client.GetInstanceAsync(command.InstanceId, wait.Token) is null)
        {
            await Task.Delay(100, wait.Token);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        var outcome = done.ReadOutputAs<EnvsyncOutcome>()!;
        Assert.True(outcome.Acted, outcome.Summary);
        Assert.Contains("Environment", outcome.Summary, StringComparison.Ordinal);

        var answer = Assert.Single((await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/issues/{iid}/notes"))!
            .Select(n => n!["body"]!.GetValue<string>()),
            b => b.Contains(command.AnswerMarker, StringComparison.Ordinal));
        Assert.Contains($"Pipeline #{stagingPipeline}", answer, StringComparison.Ordinal);
        Assert.Contains(": environment**", answer, StringComparison.Ordinal);
        Assert.Contains("`payments.rounding_mode`: `bankers` → `away_from_zero`", answer, StringComparison.Ordinal);
    }
}
