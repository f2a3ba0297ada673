using System.Text.Json.Nodes;

namespace RagnarokOps.Sandbox.Tests.Api;

/// <summary>Each endpoint's JSON holds every key of the matching GitLab documentation example.</summary>
public sealed class ContractTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private string P => sandbox.Project;

    [Theory]
    [InlineData("api-branches-list.json", "/repository/branches")]
    [InlineData("api-commits-list.json", "/repository/commits?ref_name=main")]
    [InlineData("api-commit.json", "/repository/commits/main")]
    [InlineData("api-compare.json", "/repository/compare?from=main~3&to=main")]
    [InlineData("api-repository-file.json", "/repository/files/src%2FCheckout.Api%2FProgram.cs?ref=main")]
    [InlineData("api-pipelines-list.json", "/pipelines")]
    [InlineData("api-pipeline-get.json", "/pipelines/1")]
    [InlineData("api-deployments-list.json", "/deployments?environment=production&sort=desc")]
    [InlineData("api-environments-list.json", "/environments")]
    [InlineData("api-feature-flags-list.json", "/feature_flags")]
    public async Task Get_SeededProject_HasEveryFixtureKey(string fixture, string path)
    {
        FixtureKeys.AssertContainsAll(fixture, await sandbox.GetJsonAsync(P + path));
    }

    [Fact]
    public async Task GetEnvironment_Production_HasLastDeploymentWithFixtureKeys()
    {
        var list = (await sandbox.GetJsonAsync(P + "/environments?name=production")).AsArray();
        var environment = await sandbox.GetJsonAsync($"{P}/environments/{list[0]!["id"]}");
        FixtureKeys.AssertContainsAll("api-environment-get.json", environment);
        Assert.Equal(sandbox.Server.GroundTruth!.DeploymentId, environment["last_deployment"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListJobs_FailedPipeline_HasFixtureKeysAndTrace()
    {
        var jobId = sandbox.Server.GroundTruth!.FailedJobId!.Value;
        var job = await sandbox.GetJsonAsync($"{P}/jobs/{jobId}");
        var jobs = await sandbox.GetJsonAsync($"{P}/pipelines/{job["pipeline"]!["id"]}/jobs?scope[]=failed");
        FixtureKeys.AssertContainsAll("api-jobs-list.json", jobs);
        Assert.Single(jobs.AsArray());
        var trace = await sandbox.Http.GetStringAsync(new Uri($"{P}/jobs/{jobId}/trace", UriKind.Relative));
        Assert.Contains("ERROR: Job failed: exit code 1", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePipeline_WithVariables_HasFixtureKeys()
    {
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/pipeline", new { @ref = "main", variables = new[] { new { key = "REPLAY", value = "1" } } });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-pipeline-create.json", body);
        var variables = await sandbox.GetJsonAsync($"{P}/pipelines/{body!["id"]}/variables");
        Assert.Equal("REPLAY", variables[0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateBranch_FromMain_HasFixtureKeys()
    {
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = "contract-branch", @ref = "main" });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-branch-create.json", body);
        var (again, error) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/branches", new { branch = "contract-branch", @ref = "main" });
        Assert.Equal(400, again);
        Assert.Equal("Branch already exists", error!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateFeatureFlag_Deactivate_HasFixtureKeys()
    {
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Put, P + "/feature_flags/express_checkout", new { active = false });
        Assert.Equal(200, status);
        FixtureKeys.AssertContainsAll("api-feature-flag-update.json", body);
        Assert.False(body!["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateAndUpdateWiki_HasFixtureKeys()
    {
        var (status, body) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/wikis", new { title = "Incident 42", content = "Triage" });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-wiki-create.json", body);
        var (updated, page) = await sandbox.SendJsonAsync(HttpMethod.Put, P + "/wikis/Incident-42", new { content = "Resolved" });
        Assert.Equal(200, updated);
        Assert.Equal("Resolved", (await sandbox.GetJsonAsync(P + "/wikis/Incident-42"))["content"]!.GetValue<string>());
        Assert.Equal("Incident-42", page!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssueAndNotes_CreateUpdateList_HaveFixtureKeys()
    {
        var (_, issue) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/issues", new { title = "Checkout 500", description = "help", labels = "critical" });
        var iid = issue!["iid"]!.GetValue<long>();
        var (_, labelled) = await sandbox.SendJsonAsync(HttpMethod.Put, $"{P}/issues/{iid}", new { add_labels = "triaged" });
        Assert.Equal(["critical", "triaged"], labelled!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var (status, note) = await sandbox.SendJsonAsync(HttpMethod.Post, $"{P}/issues/{iid}/notes", new { body = "first" });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-issue-note-create.json", note);
        var (edited, _) = await sandbox.SendJsonAsync(HttpMethod.Put, $"{P}/issues/{iid}/notes/{note!["id"]}", new { body = "edited" });
        Assert.Equal(200, edited);
        var notes = await sandbox.GetJsonAsync($"{P}/issues/{iid}/notes");
        Assert.Equal("edited", notes[0]!["body"]!.GetValue<string>());
        var listed = (await sandbox.GetJsonAsync(P + "/issues?labels=critical,triaged&state=opened")).AsArray();
        Assert.Equal(iid, listed.Single()!["iid"]!.GetValue<long>());
        Assert.Equal("Checkout 500", (await sandbox.GetJsonAsync($"{P}/issues/{iid}"))["title"]!.GetValue<string>());
        var labels = await sandbox.GetJsonAsync(P + "/labels");
        Assert.Contains(labels.AsArray(), l => l!["name"]!.GetValue<string>() == "triaged");
    }

    [Fact]
    public async Task CreateMergeRequest_DraftFlag_IsDraftWithFixtureKeys()
    {
        await sandbox.SendJsonAsync(HttpMethod.Post, P + "/repository/commits", new
        {
            branch = "hotfix/contract",
            start_branch = "main",
            commit_message = "Restore the null check",
            actions = new[] { new { action = "create", file_path = "docs/hotfix.md", content = "fix" } },
        });
        var (status, mr) = await sandbox.SendJsonAsync(HttpMethod.Post, P + "/merge_requests", new { source_branch = "hotfix/contract", target_branch = "main", title = "Revert culprit", draft = true });
        Assert.Equal(201, status);
        FixtureKeys.AssertContainsAll("api-merge-request-create.json", mr);
        Assert.True(mr!["draft"]!.GetValue<bool>());
        Assert.StartsWith("Draft: ", mr["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = await sandbox.GetJsonAsync(P + "/merge_requests?source_branch=hotfix%2Fcontract");
        Assert.Single(listed.AsArray());
        var fetched = await sandbox.GetJsonAsync($"{P}/merge_requests/{mr["iid"]}");
        Assert.Equal("1", fetched["changes_count"]!.GetValue<string>());
    }

    [Fact]
    public async Task Members_AllByUserId_ReturnsAccessLevel()
    {
        var members = (await sandbox.GetJsonAsync(P + "/members/all")).AsArray();
        var alice = members.Single(m => m!["username"]!.GetValue<string>() == "alice")!;
        var single = await sandbox.GetJsonAsync($"{P}/members/all/{alice["id"]}");
        Assert.Equal(40, single["access_level"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetProject_ByNumericIdAndPath_SameProject_UnknownIs404()
    {
        var byPath = await sandbox.GetJsonAsync(P);
        var byId = await sandbox.GetJsonAsync($"api/v4/projects/{byPath["id"]}");
        Assert.Equal(byPath["path_with_namespace"]!.GetValue<string>(), byId["path_with_namespace"]!.GetValue<string>());
        using var response = await sandbox.Http.GetAsync(new Uri("api/v4/projects/nope%2Fnothing/issues", UriKind.Relative));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("404 Project Not Found", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("nope%2Fnothing", "Project")]
    [InlineData(null, "Issue")]
    public async Task CreateNote_UnknownProjectOrIssue_404NamesWhichOne(string? project, string what)
    {
        var path = project is null ? $"{P}/issues/999999/notes" : $"api/v4/projects/{project}/issues/1/notes";
        using var content = new StringContent("""{"body":"hello"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await sandbox.Http.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal($"404 {what} Not Found", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }
}
