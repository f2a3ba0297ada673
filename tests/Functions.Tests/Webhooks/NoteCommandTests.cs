using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Tests.Escalations;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>/ragnarok approve in notes, with the sandbox as GitLab: access levels come from its members API.</summary>
public sealed class NoteCommandTests
{
    [Fact]
    public async Task ApproveNote_DeveloperIsRefusedMaintainerDecides_ThroughTheSandboxWebhook()
    {
        using var dir = new TempDirectory();
        await using var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = dir.Combine("sandbox"), Seed = "checkout" }, CancellationToken.None);
        var projectId = gitlab.GroundTruth!.ProjectId;
        var probe = new ApprovalProbe();
        Directory.CreateDirectory(dir.Combine("host"));
        await using var host = await FlowTestHost.StartAsync(
            dir.Combine("host"),
            new Dictionary<string, string?> { ["GitLab:BaseUrl"] = gitlab.BaseUrl.ToString(), ["GitLab:Token"] = gitlab.Token },
            probe.Register);
        probe.Links = host.App.Services.GetRequiredService<ApprovalLinks>();
        using var root = Api(gitlab, gitlab.Token);
        var members = (await root.GetFromJsonAsync<JsonArray>($"projects/{projectId}/members"))!;
        long IdOf(string username) => members.Single(m => m!["username"]!.GetValue<string>() == username)!["id"]!.GetValue<long>();
        await root.PostAsJsonAsync($"projects/{projectId}/hooks", new { url = $"{host.Url}/api/webhooks/gitlab", token = FlowTestHost.Secret, issues_events = false, note_events = true });
        var issue = (await (await root.PostAsJsonAsync($"projects/{projectId}/issues", new { title = "Checkout fails" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var iid = issue["iid"]!.GetValue<long>();
        var instanceId = $"escalation-{projectId}-{iid}";
        await EngineApprovalWiringTests.StartAndWaitForLinkAsync(host, instanceId);

        var refused = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(projectId, iid, IdOf("bob"), "bob", "/ragnarok approve"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("access level 30", (await Hooks.JsonAsync(refused))["refused"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await host.Client.GetInstanceAsync(instanceId, CancellationToken.None))!.IsRunning);
        var notes = (await root.GetFromJsonAsync<JsonArray>($"projects/{projectId}/issues/{iid}/notes"))!;
        Assert.Contains(notes, n => n!["body"]!.GetValue<string>().Contains(
            "did not act on `/ragnarok approve`: bob is not listed in approval.users or a member of approval.groups and has access level 30; deciding needs anyone with access level 40 (maintainer) or more", StringComparison.Ordinal));

        using var alice = Api(gitlab, "glpat-alice-sandbox");
        var note = await alice.PostAsJsonAsync($"projects/{projectId}/issues/{iid}/notes", new { body = "/ragnarok approve looks right" });
        Assert.True(note.IsSuccessStatusCode);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token);
        var decision = done.ReadOutputAs<ApprovalDecision>()!;
        Assert.True(decision.Approved);
        Assert.Equal("alice", decision.By);
        Assert.Equal("looks right", decision.Comment);
    }

    [Fact]
    public async Task ApproveNote_PolicyApprovers_ListedDeveloperDecidesMaintainerBelowTheLevelIsRefused()
    {
        using var dir = new TempDirectory();
        await using var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = dir.Combine("sandbox"), Seed = "checkout" }, CancellationToken.None);
        var projectId = gitlab.GroundTruth!.ProjectId;
        // approval: { min_access_level: owner, users: [dave], groups: [acme/sre] }: the sandbox has no groups, so only dave counts.
        var probe = new ApprovalProbe { Approvers = new RagnarokOps.Activities.Cases.CaseApprovers(50, ["dave"], ["acme/sre"], "approval in .ragnarok.yaml") };
        Directory.CreateDirectory(dir.Combine("host"));
        await using var host = await FlowTestHost.StartAsync(
            dir.Combine("host"),
            new Dictionary<string, string?> { ["GitLab:BaseUrl"] = gitlab.BaseUrl.ToString(), ["GitLab:Token"] = gitlab.Token },
            probe.Register);
        probe.Links = host.App.Services.GetRequiredService<ApprovalLinks>();
        using var root = Api(gitlab, gitlab.Token);
        var members = (await root.GetFromJsonAsync<JsonArray>($"projects/{projectId}/members"))!;
        long IdOf(string username) => members.Single(m => m!["username"]!.GetValue<string>() == username)!["id"]!.GetValue<long>();
        var issue = (await (await root.PostAsJsonAsync($"projects/{projectId}/issues", new { title = "Checkout fails" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var iid = issue["iid"]!.GetValue<long>();
        var instanceId = $"escalation-{projectId}-{iid}";
        await EngineApprovalWiringTests.StartAndWaitForLinkAsync(host, instanceId);

        var alice = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(projectId, iid, IdOf("alice"), "alice", "/ragnarok approve"));
        Assert.Contains("has access level 40; deciding needs @dave, members of acme/sre or anyone with access level 50 (owner)", (await Hooks.JsonAsync(alice))["refused"]!.GetValue<string>(), StringComparison.Ordinal);
        var dave = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(projectId, iid, IdOf("dave"), "dave", "/ragnarok reject not this one"));

        Assert.Equal("dave chose reject for revert:abc123", (await Hooks.JsonAsync(dave))["decided"]!.GetValue<string>());
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var decision = (await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, wait.Token)).ReadOutputAs<ApprovalDecision>()!;
        Assert.False(decision.Approved);
        Assert.Equal("dave", decision.By);
    }

    private static HttpClient Api(SandboxServer gitlab, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(gitlab.ApiUrl + "/") };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", token);
        return http;
    }
}
