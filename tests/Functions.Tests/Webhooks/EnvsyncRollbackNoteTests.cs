using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>/envsync rollback and /envsync approve in issue notes, through the sandbox's real webhook to the real host.</summary>
public sealed class EnvsyncRollbackNoteTests
{
    [Fact]
    public async Task RollbackNote_HighRisk_WaitsWithOneAnswer_ApproveNoteRaisesTheDecision_OneMergeRequestOpens()
    {
        await using var flow = await SandboxFlow.StartWithNoteHookAsync("envsync", "platform/inventory");
        var (host, api, projectId) = (flow.Host, flow.Api, flow.ProjectId);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (iid, command, awaiting) = await RollbackWaitingAsync(flow, "Roll it back.\n/envsync rollback --env production", wait.Token);

        Assert.Equal("rollback", awaiting.Action);
        var waitingAnswer = Assert.Single(await AnswersAsync(api, projectId, iid, command.AnswerMarker));
        Assert.Contains("**Waiting for approval** (rollback)", waitingAnswer, StringComparison.Ordinal);
        Assert.Contains($"/envsync approve {command.InstanceId}", waitingAnswer, StringComparison.Ordinal);
        Assert.Contains("db/migrations/0002_drop_legacy_sku.sql:2", waitingAnswer, StringComparison.Ordinal);
        Assert.Empty(await RollbackMergeRequestsAsync(api, projectId));

        // Someone the policy does not let approve (not a member; approving needs maintainer by default) is told why, on the issue; it still waits.
        var stranger = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(projectId, iid, 4242, "mallory", "/envsync approve"));
        Assert.Contains("mallory is not listed in approval.users or a member of approval.groups and is not a member of the project",
            (await Hooks.JsonAsync(stranger))["refused"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(await AnswersAsync(api, projectId, iid, "<!-- ragnarok:envsync-answer note=5000 -->"),
            a => a.Contains("Not run: mallory is not listed in approval.users", StringComparison.Ordinal));
        Assert.True((await host.Client.GetInstanceAsync(command.InstanceId, wait.Token))!.IsRunning);

        var approve = await PostNoteAsync(api, projectId, iid, "/envsync approve");
        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        var outcome = done.ReadOutputAs<EnvsyncOutcome>()!;
        Assert.True(outcome.Acted, outcome.Summary);
        Assert.Contains("approved by ", outcome.Summary, StringComparison.Ordinal);

        var mr = Assert.Single(await RollbackMergeRequestsAsync(api, projectId));
        var answer = Assert.Single(await AnswersAsync(api, projectId, iid, command.AnswerMarker));
        Assert.Contains($"rollback merge request !{mr!["iid"]} opened", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("ragnarok:envsync-awaiting", answer, StringComparison.Ordinal);
        var approveMarker = new EnvsyncCommand(projectId, "platform/inventory", iid, approve, "approve", "", "x").AnswerMarker;
        var approved = Assert.Single(await AnswersAsync(api, projectId, iid, approveMarker));
        Assert.Contains($"Approved **rollback** for `{command.InstanceId}`", approved, StringComparison.Ordinal);

        // GitLab redelivers the approve note: its answer is found by its marker, nothing is raised or posted again.
        var hook = (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/hooks"))![0]!["id"]!.GetValue<long>();
        var delivered = (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/hooks/{hook}/events"))!.OfType<JsonObject>()
            .First(e => e.ToJsonString().Contains($"\"id\":{approve},", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.Created, (await api.PostAsync($"projects/{projectId}/hooks/{hook}/events/{delivered["id"]!.GetValue<long>()}/resend", null)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), wait.Token);
        Assert.Single(await AnswersAsync(api, projectId, iid, approveMarker));

        // Nothing waits any more: a second approve says so, and no second merge request appears.
        var again = await PostNoteAsync(api, projectId, iid, "/envsync approve");
        var againMarker = new EnvsyncCommand(projectId, "platform/inventory", iid, again, "approve", "", "x").AnswerMarker;
        string? refusal = null;
        while (refusal is null)
        {
            await Task.Delay(200, wait.Token);
            refusal = (await AnswersAsync(api, projectId, iid, againMarker)).SingleOrDefault();
        }

        Assert.Contains("nothing started by /envsync here waits for an approval", refusal, StringComparison.Ordinal);
        Assert.Single(await RollbackMergeRequestsAsync(api, projectId));
    }

    [Fact]
    public async Task RollbackNote_RejectNote_StopsTheInstanceWithoutAMergeRequest_AndBothAnswersSaySo()
    {
        await using var flow = await SandboxFlow.StartWithNoteHookAsync("envsync", "platform/inventory");
        var (host, api, projectId) = (flow.Host, flow.Api, flow.ProjectId);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (iid, command, _) = await RollbackWaitingAsync(flow, "/envsync rollback --env production", wait.Token);
        Assert.Contains($"/envsync reject {command.InstanceId}", Assert.Single(await AnswersAsync(api, projectId, iid, command.AnswerMarker)), StringComparison.Ordinal);

        var reject = await PostNoteAsync(api, projectId, iid, "/envsync reject");
        var done = await host.Client.WaitForInstanceCompletionAsync(command.InstanceId, getInputsAndOutputs: true, wait.Token);

        var outcome = done.ReadOutputAs<EnvsyncOutcome>()!;
        Assert.False(outcome.Acted, outcome.Summary);
        Assert.Contains("rejected by ", outcome.Summary, StringComparison.Ordinal);
        Assert.Empty(await RollbackMergeRequestsAsync(api, projectId));
        var answer = Assert.Single(await AnswersAsync(api, projectId, iid, command.AnswerMarker));
        Assert.Contains("rejected by ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("ragnarok:envsync-awaiting", answer, StringComparison.Ordinal);
        var rejectMarker = new EnvsyncCommand(projectId, "platform/inventory", iid, reject, "reject", "", "x").AnswerMarker;
        Assert.Contains($"Rejected **rollback** for `{command.InstanceId}`", Assert.Single(await AnswersAsync(api, projectId, iid, rejectMarker)), StringComparison.Ordinal);
    }

    /// <summary>Opens an issue, posts the rollback note <paramref name="body"/> on it and waits until its instance waits for a decision.</summary>
    private static async Task<(long Iid, EnvsyncCommand Command, EnvsyncAwaiting Awaiting)> RollbackWaitingAsync(SandboxFlow flow, string body, CancellationToken cancellationToken)
    {
        var iid = await flow.OpenIssueAsync(flow.ProjectId, "Production is broken since the hotfix");
        var rollback = await PostNoteAsync(flow.Api, flow.ProjectId, iid, body);
        var command = new EnvsyncCommand(flow.ProjectId, "platform/inventory", iid, rollback, "rollback", "", "x");
        return (iid, command, await AwaitingAsync(flow.Host, command, cancellationToken));
    }

    /// <summary>Waits until the rollback instance of <paramref name="command"/> waits for a decision; fails if it ends first.</summary>
    private static async Task<EnvsyncAwaiting> AwaitingAsync(FlowTestHost host, EnvsyncCommand command, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(200, cancellationToken);
            var instance = await host.Client.GetInstanceAsync(command.InstanceId, getInputsAndOutputs: true, cancellationToken);
            Assert.False(instance?.IsCompleted ?? false, $"{command.InstanceId} ended {instance?.RuntimeStatus} before waiting: {instance?.SerializedOutput}");
            if (instance?.SerializedCustomStatus?.Contains("\"approvers\"", StringComparison.OrdinalIgnoreCase) == true)
            {
                return instance.ReadCustomStatusAs<EnvsyncAwaiting>()!;
            }
        }
    }

    internal static async Task<long> PostNoteAsync(HttpClient api, long projectId, long iid, string body) =>
        (await (await api.PostAsJsonAsync($"projects/{projectId}/issues/{iid}/notes", new { body })).Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();

    internal static async Task<List<string>> AnswersAsync(HttpClient api, long projectId, long iid, string marker) =>
        [.. (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/issues/{iid}/notes"))!
            .Select(n => n!["body"]!.GetValue<string>())
            .Where(b => b.Contains(marker, StringComparison.Ordinal))];

    private static async Task<List<JsonNode?>> RollbackMergeRequestsAsync(HttpClient api, long projectId) =>
        [.. (await api.GetFromJsonAsync<JsonArray>($"projects/{projectId}/merge_requests?state=all&target_branch=production"))!
            .Where(m => m!["source_branch"]!.GetValue<string>().StartsWith("ragnarok/rollback-production-", StringComparison.Ordinal))];
}
