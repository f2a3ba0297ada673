using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>/envsync in a merge request note (Note Hook with noteable_type MergeRequest), through the sandbox's real webhook: answered on the merge request.</summary>
public sealed class EnvsyncMergeRequestNoteTests
{
    [Fact]
    public async Task StatusNoteOnAMergeRequest_RunsOnce_AndAnswersOnTheMergeRequest()
    {
        await using var flow = await SandboxFlow.StartWithNoteHookAsync("envsync", "platform/inventory");
        var (host, api, projectId) = (flow.Host, flow.Api, flow.ProjectId);
        var mr = (await (await api.PostAsJsonAsync($"projects/{projectId}/merge_requests", new { source_branch = "dev", target_branch = "staging", title = "Dev to staging by hand" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var iid = mr["iid"]!.GetValue<long>();

        var note = (await (await api.PostAsJsonAsync($"projects/{projectId}/merge_requests/{iid}/notes", new { body = "Where are we?\n/envsync status" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var command = new EnvsyncCommand(projectId, "platform/inventory", iid, note["id"]!.GetValue<long>(), "status", "", "x", OnMergeRequest: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await host.Client.GetInstanceAsync(command.InstanceId, wait.Token) is null)
        {
            await Task.Delay(100, wait.Token);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        Assert.True(done.ReadInputAs<EnvsyncCommand>()!.OnMergeRequest);
        Assert.True(done.ReadOutputAs<EnvsyncOutcome>()!.Acted);

        var answers = (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/merge_requests/{iid}/notes"))!
            .Where(n => n!["body"]!.GetValue<string>().Contains(command.AnswerMarker, StringComparison.Ordinal)).ToList();
        var answer = Assert.Single(answers)!;
        Assert.Contains("**/envsync status** for `platform/inventory`", answer["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("production", answer["body"]!.GetValue<string>(), StringComparison.Ordinal);

        // The answer note raised a Note Hook too; it carries no command, so it started nothing.
        var answerNote = command with { NoteId = answer["id"]!.GetValue<long>() };
        Assert.Null(await host.Client.GetInstanceAsync(answerNote.InstanceId, wait.Token));
    }
}
