using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>/envsync cherry-pick in an issue note, through the sandbox's real webhook to the real host.</summary>
public sealed class EnvsyncCherryPickNoteTests
{
    private const string Project = "platform/picker";

    [Fact]
    public async Task CherryPickNote_Tier2_WaitsForApproveWithInstance_ThenOpensTheMergeRequest()
    {
        await using var flow = await SandboxFlow.StartWithNoteHookAsync("cherrypick", "platform/picker");
        var (host, api, projectId) = (flow.Host, flow.Api, flow.ProjectId);
        var proposal = (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/repository/commits?ref_name=dev"))!
            .Single(c => c!["title"]!.GetValue<string>() == "Note the audit on pricing")!["id"]!.GetValue<string>();
        var iid = await flow.OpenIssueAsync(projectId, "Staging needs the pricing note");

        var note = await EnvsyncRollbackNoteTests.PostNoteAsync(api, projectId, iid, $"/envsync cherry-pick --to staging --commit {proposal}");
        var command = new EnvsyncCommand(projectId, Project, iid, note, "cherry-pick", "", "x");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        string? waiting = null;
        while (waiting is null)
        {
            await Task.Delay(200, wait.Token);
            var instance = await host.Client.GetInstanceAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
            Assert.False(instance?.IsCompleted ?? false, $"{command.InstanceId} ended {instance?.RuntimeStatus} before waiting: {instance?.SerializedOutput}");
            waiting = (await EnvsyncRollbackNoteTests.AnswersAsync(api, projectId, iid, command.AnswerMarker)).SingleOrDefault(a => a.Contains("Waiting for approval", StringComparison.Ordinal));
        }

        Assert.Contains($"<!-- ragnarok:envsync-awaiting instance={command.InstanceId} action=cherry-pick -->", waiting, StringComparison.Ordinal);
        var branch = $"ragnarok/cherry-pick-staging-{proposal[..8]}";
        Assert.Empty(await MergeRequestsFromAsync(api, projectId, branch));

        await EnvsyncRollbackNoteTests.PostNoteAsync(api, projectId, iid, $"/envsync approve {command.InstanceId}");
        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        var outcome = done.ReadOutputAs<EnvsyncOutcome>()!;
        Assert.True(outcome.Acted, outcome.Summary);
        var mr = Assert.Single(await MergeRequestsFromAsync(api, projectId, branch));
        Assert.Contains("approved by ", mr!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var answer = Assert.Single(await EnvsyncRollbackNoteTests.AnswersAsync(api, projectId, iid, command.AnswerMarker));
        Assert.Contains($"Cherry-pick to staging: **opened**", answer, StringComparison.Ordinal);
        Assert.Contains($"merge request !{mr["iid"]}", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPickNoteOnAMergeRequest_PicksThatMergeRequestsCommits_AndAnswersThere()
    {
        await using var flow = await SandboxFlow.StartAsync("cherrypick");
        var (host, api) = (flow.Host, flow.Api);
        var projectId = await flow.ProjectIdAsync("platform/picker");
        await api.PostAsJsonAsync($"projects/{projectId}/repository/branches", new { branch = "feature/runbook", @ref = "staging" });
        var commit = (await (await api.PostAsJsonAsync($"projects/{projectId}/repository/commits", new
        {
            branch = "feature/runbook", commit_message = "Add the runbook",
            actions = new[] { new { action = "create", file_path = "docs/runbook.md", content = "# Runbook\n" } },
        })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var iid = (await (await api.PostAsJsonAsync($"projects/{projectId}/merge_requests", new { source_branch = "feature/runbook", target_branch = "staging", title = "Runbook" })).Content.ReadFromJsonAsync<JsonObject>())!["iid"]!.GetValue<long>();
        await flow.HookNotesAsync(projectId);

        var note = (await (await api.PostAsJsonAsync($"projects/{projectId}/merge_requests/{iid}/notes", new { body = "/envsync cherry-pick --to dev" })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var command = new EnvsyncCommand(projectId, Project, iid, note, "cherry-pick", "", "x", OnMergeRequest: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await host.Client.GetInstanceAsync(command.InstanceId, wait.Token) is null)
        {
            await Task.Delay(100, wait.Token);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
        Assert.True(done.ReadOutputAs<EnvsyncOutcome>()!.Acted, done.SerializedOutput);
        var branch = $"ragnarok/cherry-pick-dev-{commit[..8]}";
        var mr = Assert.Single(await MergeRequestsFromAsync(api, projectId, branch))!;
        Assert.Equal("dev", mr["target_branch"]!.GetValue<string>());
        var answer = Assert.Single((await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/merge_requests/{iid}/notes"))!
            .Select(n => n!["body"]!.GetValue<string>()), b => b.Contains(command.AnswerMarker, StringComparison.Ordinal));
        Assert.Contains($"Cherry-pick to dev: **opened**", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPickNote_WithoutCommit_IsAnsweredWithTheUsage()
    {
        await using var flow = await SandboxFlow.StartWithNoteHookAsync("cherrypick", "platform/picker");
        var (host, api, projectId) = (flow.Host, flow.Api, flow.ProjectId);
        var iid = await flow.OpenIssueAsync(projectId, "Pick");

        var note = await EnvsyncRollbackNoteTests.PostNoteAsync(api, projectId, iid, "/envsync cherry-pick --to staging");
        var command = new EnvsyncCommand(projectId, Project, iid, note, "cherry-pick", "", "x");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await host.Client.GetInstanceAsync(command.InstanceId, wait.Token) is null)
        {
            await Task.Delay(100, wait.Token);
        }

        await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, wait.Token);
        var answer = Assert.Single(await EnvsyncRollbackNoteTests.AnswersAsync(api, projectId, iid, command.AnswerMarker));
        Assert.Contains("Not run: /envsync cherry-pick takes --to ENV --commit SHA", answer, StringComparison.Ordinal);
    }

    private static async Task<List<JsonNode?>> MergeRequestsFromAsync(HttpClient api, long projectId, string branch) =>
        [.. (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/merge_requests?state=all&source_branch={Uri.EscapeDataString(branch)}"))!];
}
