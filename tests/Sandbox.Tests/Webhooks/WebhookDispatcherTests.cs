namespace RagnarokOps.Sandbox.Tests.Webhooks;

/// <summary>Hooks fire for every event kind with GitLab's headers and payload shapes; resends keep the key.</summary>
public sealed class WebhookDispatcherTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    internal static async Task<long> AddHookAsync(SandboxFixture sandbox, string project, HookListener listener)
    {
        var (status, hook) = await sandbox.SendJsonAsync(HttpMethod.Post, project + "/hooks", new
        {
            url = listener.Url,
            token = "s3cret",
            issues_events = true,
            note_events = true,
            merge_requests_events = true,
            pipeline_events = true,
            job_events = true,
            deployment_events = true,
            feature_flag_events = true,
        });
        Assert.Equal(201, status);
        Assert.Null(hook!["token"]);
        return hook["id"]!.GetValue<long>();
    }

    [Fact]
    public async Task Events_EveryKind_DeliveredWithHeadersAndFixtureShapes()
    {
        using var listener = new HookListener();
        await AddHookAsync(sandbox, P, listener);

        var (_, issue) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/issues", new { title = "Checkout down", labels = "critical" });
        var opened = await listener.NextAsync("Issue Hook");
        Assert.Equal("s3cret", opened.Headers["X-Gitlab-Token"]);
        Assert.Equal("open", opened.Body["object_attributes"]!["action"]!.GetValue<string>());
        foreach (var header in new[] { "Idempotency-Key", "X-Gitlab-Event-UUID", "X-Gitlab-Webhook-UUID" })
        {
            Assert.True(Guid.TryParse(opened.Headers[header], out _), header);
        }

        var iid = issue!["iid"]!.GetValue<long>();
        await sandbox.SendJsonAsync(HttpMethod.Put, $"{P}/issues/{iid}", new { add_labels = "triaged" });
        var labelled = await listener.NextAsync("Issue Hook");
        FixtureKeys.AssertContainsAll("webhook-issue.json", labelled.Body);
        Assert.Equal(2, labelled.Body["changes"]!["labels"]!["current"]!.AsArray().Count);

        var (_, note) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/issues/{iid}/notes", new { body = "/ragnarok triage" });
        FixtureKeys.AssertContainsAll("webhook-note.json", (await listener.NextAsync("Note Hook")).Body);
        await sandbox.SendJsonAsync(HttpMethod.Put, $"{P}/issues/{iid}/notes/{note!["id"]}", new { body = "edited" });
        Assert.Equal("update", (await listener.NextAsync("Note Hook")).Body["object_attributes"]!["action"]!.GetValue<string>());

        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = "hook-mr", @ref = "main~1" });
        var (_, mr) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/merge_requests", new { source_branch = "hook-mr", target_branch = "main", title = "Draft: hook test" });
        FixtureKeys.AssertContainsAll("webhook-merge-request.json", (await listener.NextAsync("Merge Request Hook")).Body);
        await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/merge_requests/{mr!["iid"]}/notes", new { body = "/envsync status" });
        var mrNote = (await listener.NextAsync("Note Hook")).Body;
        Assert.Equal("MergeRequest", mrNote["object_attributes"]!["noteable_type"]!.GetValue<string>());
        Assert.Equal(mr["iid"]!.GetValue<long>(), mrNote["merge_request"]!["iid"]!.GetValue<long>());
        Assert.Equal("hook-mr", mrNote["merge_request"]!["source_branch"]!.GetValue<string>());
        Assert.Null(mrNote["issue"]);

        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/pipeline", new { @ref = "main" });
        FixtureKeys.AssertContainsAll("webhook-pipeline.json", (await listener.NextAsync("Pipeline Hook")).Body);
        FixtureKeys.AssertContainsAll("webhook-job.json", (await listener.NextAsync("Job Hook")).Body);

        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/deployments", new { environment = "staging", @ref = "main", sha = "main", status = "success" });
        FixtureKeys.AssertContainsAll("webhook-deployment.json", (await listener.NextAsync("Deployment Hook")).Body);

        await sandbox.SendJsonAsync(HttpMethod.Put, P + "/feature_flags/new_tax_engine", new { active = false });
        var flag = await listener.NextAsync("Feature Flag Hook");
        FixtureKeys.AssertContainsAll("webhook-feature-flag.json", flag.Body);
        Assert.False(flag.Body["object_attributes"]!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Raise_TwoHooks_BothReceiveTheEvent()
    {
        using var first = new HookListener();
        using var second = new HookListener();
        await AddHookAsync(sandbox, P, first);
        await AddHookAsync(sandbox, P, second);
        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/issues", new { title = "Fan out" });
        var a = await first.NextAsync("Issue Hook");
        var b = await second.NextAsync("Issue Hook");
        Assert.Equal(a.Body["object_attributes"]!["id"]!.ToJsonString(), b.Body["object_attributes"]!["id"]!.ToJsonString());
        Assert.NotEqual(a.Headers["Idempotency-Key"], b.Headers["Idempotency-Key"]);
    }
}
