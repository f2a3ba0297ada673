using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagnarokOps.Functions.Demo;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.EndToEnd;

/// <summary>
/// SIGKILL the host process at a random moment of a case (ten seeds: during policy, gathering, scoring, the report, or
/// the wait), start it again on the same Azurite task hub, approve, and check the case ends once: one triage note,
/// one merge request, Completed. The engine redelivers what the dead process held after the visibility timeout.
/// </summary>
public sealed class HostKilledAtRandomPointsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public async Task Escalation_HostKilledAtARandomPoint_FinishesOnceAfterRestart(int seed)
    {
        using var dir = new TempDirectory();
        var folder = dir.Combine("data");
        await using var sandbox = await SandboxCase.StartAsync(folder);
        var killAfter = TimeSpan.FromMilliseconds(new Random(seed).Next(0, 4000));
        long iid;
        string instanceId;
        string killedAt;
        await using (var first = await HostProcess.StartAsync(sandbox, folder, visibility: "00:00:05"))
        {
            await RegisterWebhookAsync(sandbox, first);
            iid = await sandbox.OpenEscalationAsync();
            instanceId = $"escalation-{sandbox.ProjectId}-{iid}";
            await Task.Delay(killAfter);
            killedAt = (await first.GetInstanceAsync(instanceId))?["customStatus"]?["step"]?.GetValue<string>() ?? "before the case started";
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(sandbox, folder, visibility: "00:00:05");
        await RegisterWebhookAsync(sandbox, second);
        if (killedAt == "before the case started" && await second.GetInstanceAsync(instanceId) is null)
        {
            // The kill came before the webhook was answered; GitLab redelivers, as the sandbox's retries do.
            await sandbox.RetriggerAsync(iid);
        }

        await second.WaitForStepAsync(instanceId, EscalationSteps.AwaitingApproval);
        using (var approved = await DemoRun.ApproveAsync(sandbox.GitLab.ApiUrl, instanceId, $"seed {seed}", CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        }

        var completed = await second.WaitForCompletionAsync(instanceId);
        var why = $"killed after {killAfter.TotalMilliseconds} ms at {killedAt}: {completed.ToJsonString()}{Environment.NewLine}{second.Tail}";
        Assert.True(completed["runtimeStatus"]!.GetValue<string>() == "Completed", why);
        Assert.Equal(EscalationOutcome.HotfixProposed, completed["output"]!.Deserialize<EscalationOutcome>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Result);
        Assert.Single(await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/merge_requests"));
        var notes = await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/issues/{iid}/notes?per_page=100");
        Assert.Single(notes, n => n!["body"]!.GetValue<string>().Contains("ragnarok:triage-report", StringComparison.Ordinal));
    }

    private static async Task RegisterWebhookAsync(SandboxCase sandbox, HostProcess host)
    {
        using var response = await sandbox.Api.PostAsJsonAsync(
            $"projects/{sandbox.ProjectId}/hooks", new { url = $"{host.Url}/api/webhooks/gitlab", token = sandbox.Secrets.WebhookSecret, issues_events = true, note_events = true });
        response.EnsureSuccessStatusCode();
    }
}
