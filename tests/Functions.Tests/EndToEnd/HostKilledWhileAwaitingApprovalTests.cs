using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagnarokOps.Functions.Demo;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.EndToEnd;

/// <summary>
/// The host as a separate process, killed with SIGKILL while a case waits for approval, then started again on the same
/// files: the approval still lands and the merge request is made once.
/// </summary>
public sealed class HostKilledWhileAwaitingApprovalTests
{
    [Fact]
    public async Task Escalation_HostKilledWhileWaitingForApproval_NewProcessOnTheSameFilesCreatesTheMrOnce()
    {
        using var dir = new TempDirectory();
        await using var sandbox = await SandboxCase.StartAsync(dir.Combine("data"));
        var folder = dir.Combine("data");
        string approvalUrl;
        string instanceId;
        long iid;
        await using (var first = await HostProcess.StartAsync(sandbox, folder))
        {
            await RegisterWebhookAsync(sandbox, first);
            iid = await sandbox.OpenEscalationAsync();
            instanceId = $"escalation-{sandbox.ProjectId}-{iid}";
            approvalUrl = (await first.WaitForStepAsync(instanceId, EscalationSteps.AwaitingApproval)).ApprovalUrl!;
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(sandbox, folder);
        await RegisterWebhookAsync(sandbox, second);

        // The link names the killed host's address (Approvals:PublicBaseUrl of the first process); a restarted host on
        // a new port still owns the instance and the signing key, so its page still opens there.
        var link = new UriBuilder(approvalUrl) { Host = new Uri(second.Url).Host, Port = new Uri(second.Url).Port }.Uri.ToString();
        using (var http = new HttpClient())
        using (var page = await http.GetAsync(new Uri(link)))
        {
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"the approval page answered {page.StatusCode}{Environment.NewLine}{second.Tail}");
        }

        using (var approved = await DemoRun.ApproveAsync(sandbox.GitLab.ApiUrl, instanceId, "after kill", CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        }

        var completed = await second.WaitForCompletionAsync(instanceId);
        Assert.True(completed["runtimeStatus"]!.GetValue<string>() == "Completed", $"{completed.ToJsonString()}{Environment.NewLine}{second.Tail}");
        var outcome = completed["output"]!.Deserialize<EscalationOutcome>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(EscalationOutcome.HotfixProposed, outcome.Result);

        Assert.Single(await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/merge_requests"));
        var branches = await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/repository/branches?per_page=100");
        Assert.Single(branches, b => b!["name"]!.GetValue<string>().StartsWith("ragnarok/hotfix-", StringComparison.Ordinal));
        var notes = await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/issues/{iid}/notes?per_page=100");
        Assert.Single(notes, n => n!["body"]!.GetValue<string>().Contains("ragnarok:triage-report", StringComparison.Ordinal));

        using var http2 = new HttpClient();
        using var clicked = await http2.PostAsync(new Uri(link), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));
        Assert.Equal(HttpStatusCode.Forbidden, clicked.StatusCode);
    }

    /// <summary>Points the sandbox's issue events at this host, as <see cref="SandboxCase.StartHostAsync"/> does for an in-process one.</summary>
    private static async Task RegisterWebhookAsync(SandboxCase sandbox, HostProcess host)
    {
        using var response = await sandbox.Api.PostAsJsonAsync(
            $"projects/{sandbox.ProjectId}/hooks", new { url = $"{host.Url}/api/webhooks/gitlab", token = sandbox.Secrets.WebhookSecret, issues_events = true, note_events = true });
        response.EnsureSuccessStatusCode();
    }
}
