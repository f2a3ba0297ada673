using System.Net;
using Microsoft.DurableTask.Client;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Webhooks;

public sealed class GitLabWebhookEndpointsTests
{
    [Fact]
    public async Task Receive_WrongOrMissingToken_Returns401AndStartsNothing()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var wrong = await Hooks.PostAsync(host.Http, "Issue Hook", Hooks.Issue(7, 1, "open", "escalation::critical"), token: "webhook-secret-for-test");
        var missing = await Hooks.PostAsync(host.Http, "Issue Hook", Hooks.Issue(7, 1, "open", "escalation::critical"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Null(await host.Client.GetInstanceAsync("escalation-7-1", CancellationToken.None));
    }

    [Fact]
    public async Task Receive_MalformedBody_Returns400WithAMessage()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var response = await Hooks.PostRawAsync(host.Http, "Issue Hook", "{ \"object_kind\": \"issue\", ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The Issue Hook body is not what GitLab sends: ", (await Hooks.JsonAsync(response))["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "object_kind": "issue", "project": { "id": 7, "path_with_namespace": "shop/checkout" }, "object_attributes": { "iid": "seven" } }""", "object_attributes.iid: expected a whole number, found text (\"seven\")")]
    [InlineData("""{ "object_kind": "note" }""", "object_kind is 'note', but X-Gitlab-Event 'Issue Hook' needs 'issue'")]
    [InlineData("""{ "project": { "id": 7 } }""", "object_kind is missing: a Issue Hook body says \"object_kind\": \"issue\"")]
    [InlineData("""{ "object_kind": "issue", """, "not valid JSON")]
    public async Task Receive_WrongField_Returns400NamingTheFieldInPlainWords(string body, string expected)
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var response = await Hooks.PostRawAsync(host.Http, "Issue Hook", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Hooks.JsonAsync(response))["error"]!.GetValue<string>();
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_BodyOverTheLimit_Returns413()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path, new Dictionary<string, string?> { ["Webhooks:MaxBodyBytes"] = "2048" });
        var hook = Hooks.Issue(7, 1, "open", "escalation::critical");
        hook["object_attributes"]!["description"] = new string('x', 4096);

        var response = await Hooks.PostAsync(host.Http, "Issue Hook", hook);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await host.Client.GetInstanceAsync("escalation-7-1", CancellationToken.None));
    }

    [Theory]
    [InlineData("Issue Hook", "open", "bug")]
    [InlineData("Push Hook", "open", "escalation::critical")]
    public async Task Receive_EventThatStartsNothing_Returns200Ignored(string eventHeader, string action, string label)
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var response = await Hooks.PostAsync(host.Http, eventHeader, Hooks.Issue(7, 1, action, label));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Hooks.JsonAsync(response))["ignored"]?.GetValue<string>()));
        Assert.Null(await host.Client.GetInstanceAsync("escalation-7-1", CancellationToken.None));
    }

    [Fact]
    public async Task Receive_IssueOpenedWithTheEscalationLabel_Returns202WithCheckStatusPayload()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var response = await Hooks.PostAsync(host.Http, "Issue Hook", Hooks.Issue(7, 3, "open", "escalation::critical"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await Hooks.JsonAsync(response);
        Assert.Equal("escalation-7-3", payload["id"]!.GetValue<string>());
        foreach (var uri in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.StartsWith($"{host.Url}/runtime/webhooks/durabletask/instances/escalation-7-3", payload[uri]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(payload["statusQueryGetUri"]!.GetValue<string>(), response.Headers.Location!.ToString());
        Assert.NotNull(await host.Client.GetInstanceAsync("escalation-7-3", CancellationToken.None));

        // As on Azure, the links carry the key (code=): following one as it is works, with no header.
        var statusUri = payload["statusQueryGetUri"]!.GetValue<string>();
        Assert.Contains("code=" + Uri.EscapeDataString(FlowTestHost.ManagementKey), statusUri, StringComparison.Ordinal);
        Assert.True((await host.Http.GetAsync(new Uri(statusUri))).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Receive_RedeliveryAndSecondTrigger_ReturnTheSameInstanceAndStartNoOther()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);
        var hook = Hooks.Issue(7, 4, "open", "escalation::critical");

        var first = await Hooks.PostAsync(host.Http, "Issue Hook", hook, eventUuid: "uuid-1");
        var redelivered = await Hooks.PostAsync(host.Http, "Issue Hook", hook, eventUuid: "uuid-1");
        var triage = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(7, 4, 2, "alice", "/ragnarok triage"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        Assert.Equal("escalation-7-4", (await Hooks.JsonAsync(redelivered))["id"]!.GetValue<string>());
        Assert.Equal("escalation-7-4", (await Hooks.JsonAsync(triage))["id"]!.GetValue<string>());
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in host.Client.GetAllInstancesAsync())
        {
            instances.Add(instance);
        }

        Assert.Single(instances);
    }

    [Fact]
    public async Task Receive_TriageNote_StartsTheCaseButAnEditedOneDoesNot()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var edited = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(7, 5, 2, "alice", "/ragnarok triage", action: "update"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("edited", (await Hooks.JsonAsync(edited))["ignored"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await host.Client.GetInstanceAsync("escalation-7-5", CancellationToken.None));

        var created = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(7, 5, 2, "alice", "/ragnarok triage"));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
    }

    [Fact]
    public async Task Receive_ApproveNoteWithoutGitLabConfigured_IsRefusedWithTheReason()
    {
        using var dir = new TempDirectory();
        await using var host = await FlowTestHost.StartAsync(dir.Path);

        var response = await Hooks.PostAsync(host.Http, "Note Hook", Hooks.Note(7, 6, 2, "alice", "/ragnarok approve"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not configured", (await Hooks.JsonAsync(response))["refused"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
