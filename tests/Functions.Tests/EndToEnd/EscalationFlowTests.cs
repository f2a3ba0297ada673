using System.Net;
using System.Net.Http.Json;
using RagnarokOps.Functions.Demo;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.EndToEnd;

/// <summary>The whole escalation for the checkout seed, with the host and the sandbox as real servers on loopback.</summary>
public sealed class EscalationFlowTests
{
    [Fact]
    public async Task Escalation_CheckoutSeed_OneNoteTheCulpritAndADraftMrWithTheRevertAndTheTest()
    {
        using var dir = new TempDirectory();
        await using var sandbox = await SandboxCase.StartAsync(dir.Combine("data"));
        await using var app = await sandbox.StartHostAsync();
        var truth = sandbox.GitLab.GroundTruth!;

        var iid = await sandbox.OpenEscalationAsync();
        var instanceId = $"escalation-{sandbox.ProjectId}-{iid}";
        var waiting = await SandboxCase.WaitForStepAsync(app, instanceId, EscalationSteps.AwaitingApproval);

        var notes = await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/issues/{iid}/notes");
        Assert.Single(notes, n => n!["body"]!.GetValue<string>().Contains("ragnarok:triage-report", StringComparison.Ordinal));
        // The link shows what and how but never decides; the decision is a comment GitLab authenticates.
        using (var http = new HttpClient())
        using (var clicked = await http.PostAsync(new Uri(waiting.ApprovalUrl!), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["by"] = "anyone" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, clicked.StatusCode);
            Assert.Contains("/ragnarok approve", await clicked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var approved = await DemoRun.ApproveAsync(sandbox.GitLab.ApiUrl, instanceId, "end-to-end test", CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        }

        var outcome = (await SandboxCase.WaitForCompletionAsync(app, instanceId)).ReadOutputAs<EscalationOutcome>()!;
        Assert.Equal(EscalationOutcome.HotfixProposed, outcome.Result);
        Assert.Equal(truth.CulpritSha, outcome.TopHypothesis!.Subject);
        Assert.Contains("approved by carol", (await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/issues/{iid}/notes")).Select(n => n!["body"]!.GetValue<string>()).Last(b => b.Contains("ragnarok:outcome", StringComparison.Ordinal)), StringComparison.Ordinal);
        var mr = outcome.MergeRequest!;
        var mrs = await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/merge_requests");
        var created = Assert.Single(mrs);
        Assert.StartsWith("Draft:", created!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(mr.SourceBranch, created["source_branch"]!.GetValue<string>());

        var compare = (await sandbox.Api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(
            $"projects/{sandbox.ProjectId}/repository/compare?from={created["target_branch"]}&to={Uri.EscapeDataString(mr.SourceBranch!)}"))!;
        var paths = compare["diffs"]!.AsArray().Select(d => d!["new_path"]!.GetValue<string>()).ToList();
        Assert.Contains(truth.CulpritFile!, paths);
        Assert.Contains(paths, p => p.Contains("Regression", StringComparison.OrdinalIgnoreCase) || p.Contains("test", StringComparison.OrdinalIgnoreCase));
        var notesAfter = await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/issues/{iid}/notes");
        Assert.Single(notesAfter, n => n!["body"]!.GetValue<string>().Contains("ragnarok:triage-report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalation_HostStoppedWhileWaitingForApproval_RestartsOnTheSameFilesAndCreatesTheMrOnce()
    {
        using var dir = new TempDirectory();
        await using var sandbox = await SandboxCase.StartAsync(dir.Combine("data"));
        string approvalUrl;
        string instanceId;
        await using (var first = await sandbox.StartHostAsync())
        {
            var iid = await sandbox.OpenEscalationAsync();
            instanceId = $"escalation-{sandbox.ProjectId}-{iid}";
            approvalUrl = (await SandboxCase.WaitForStepAsync(first, instanceId, EscalationSteps.AwaitingApproval)).ApprovalUrl!;
            await first.StopAsync();
        }

        // Same data folder, same signing key, a new port: the link's token still holds; only its address moved.
        await using var second = await sandbox.StartHostAsync();
        using (var http = new HttpClient())
        using (var page = await http.GetAsync(new Uri(second.Urls.Single() + new Uri(approvalUrl).PathAndQuery)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("/ragnarok approve", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var approved = await DemoRun.ApproveAsync(sandbox.GitLab.ApiUrl, instanceId, "after restart", CancellationToken.None))
        {
            Assert.Equal(HttpStatusCode.Created, approved.StatusCode);
        }

        var outcome = (await SandboxCase.WaitForCompletionAsync(second, instanceId)).ReadOutputAs<EscalationOutcome>()!;
        Assert.Equal(EscalationOutcome.HotfixProposed, outcome.Result);
        Assert.Single(await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/merge_requests"));

        // A second approval finds nothing waiting and opens nothing.
        using (await DemoRun.ApproveAsync(sandbox.GitLab.ApiUrl, instanceId, "again", CancellationToken.None))
        {
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await sandbox.GetArrayAsync($"projects/{sandbox.ProjectId}/merge_requests"));
    }
}
