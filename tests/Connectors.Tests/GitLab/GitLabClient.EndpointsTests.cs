using System.Net;
using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.GitLab;

/// <summary>Each endpoint sends the method, path, query and body GitLab documents.</summary>
public sealed class GitLabClientEndpointsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeHttpMessageHandler _server = new();

    private GitLabClient Client => GitLabTestClient.Create(_server);

    private RecordedRequest Only => Assert.Single(_server.Requests);

    private JsonNode Body => JsonNode.Parse(Only.Body!)!;

    [Fact]
    public async Task UpdateIssueLabelsAsync_SendsAddAndRemoveLabels()
    {
        _server.Respond(HttpStatusCode.OK, GitLabClientTests.IssueJson);

        await Client.UpdateIssueLabelsAsync(5, 7, new GitLabLabelChange { Add = ["ragnarok::triaged", "sev1"], Remove = ["ragnarok::new"] }, Ct);

        Assert.Equal(HttpMethod.Put, Only.Method);
        Assert.Equal("/api/v4/projects/5/issues/7", Only.PathAndQuery);
        Assert.Equal("ragnarok::triaged,sev1", (string?)Body["add_labels"]);
        Assert.Equal("ragnarok::new", (string?)Body["remove_labels"]);
    }

    [Fact]
    public async Task CreateIssueAsync_PostsTitleAndLabels()
    {
        _server.Respond(HttpStatusCode.Created, GitLabClientTests.IssueJson);

        await Client.CreateIssueAsync(5, new GitLabNewIssue { Title = "Checkout fails", Labels = "critical" }, Ct);

        Assert.Equal(HttpMethod.Post, Only.Method);
        Assert.Equal("Checkout fails", (string?)Body["title"]);
        Assert.Equal("critical", (string?)Body["labels"]);
        Assert.Null(Body["description"]);
    }

    [Fact]
    public async Task ListIssueNotesAsync_OldestFirst()
    {
        _server.Respond(HttpStatusCode.OK, $"[{GitLabFixtures.Read("api-issue-note-create.json")}]");

        var notes = await Client.ListIssueNotesAsync(5, 377, Ct).ToListAsync(Ct);

        Assert.Equal(302, Assert.Single(notes).Id);
        Assert.Equal("/api/v4/projects/5/issues/377/notes?order_by=created_at&sort=asc&per_page=100", Only.PathAndQuery);
    }

    [Fact]
    public async Task CreateAndUpdateIssueNoteAsync_SendBody()
    {
        _server.RespondFixture("api-issue-note-create.json", HttpStatusCode.Created).RespondFixture("api-issue-note-create.json");
        var client = Client;

        await client.CreateIssueNoteAsync(5, 377, "Triage report <b>", Ct);
        await client.UpdateIssueNoteAsync(5, 377, 302, "Updated", Ct);

        Assert.Equal("""{"body":"Triage report <b>"}""", _server.Requests[0].Body);
        Assert.Equal(HttpMethod.Put, _server.Requests[1].Method);
        Assert.Equal("/api/v4/projects/5/issues/377/notes/302", _server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task GetRawFileAsync_EncodesPathAndReturnsText()
    {
        _server.Respond(HttpStatusCode.OK, "services:\n  checkout: {}\n", "text/plain");

        var text = await Client.GetRawFileAsync("acme/checkout", ".ragnarok/policy.yaml", "release/1.2", Ct);

        Assert.Equal("services:\n  checkout: {}\n", text);
        Assert.Equal("/api/v4/projects/acme%2Fcheckout/repository/files/.ragnarok%2Fpolicy.yaml/raw?ref=release%2F1.2", Only.PathAndQuery);
    }

    [Fact]
    public async Task GetFileAsync_ReturnsMetadata()
    {
        _server.RespondFixture("api-repository-file.json");

        var file = await Client.GetFileAsync(5, "app/models/key.rb", "main", Ct);

        Assert.Equal("key.rb", file.FileName);
        Assert.Equal("/api/v4/projects/5/repository/files/app%2Fmodels%2Fkey.rb?ref=main", Only.PathAndQuery);
    }

    [Fact]
    public async Task ListTreeAsync_PassesPathRefAndRecursive()
    {
        _server.Respond(HttpStatusCode.OK, """[{"id":"a1","name":"Program.cs","type":"blob","path":"src/Program.cs","mode":"100644"}]""");

        var items = await Client.ListTreeAsync(5, "src", "main", recursive: true, Ct).ToListAsync(Ct);

        Assert.Equal("blob", Assert.Single(items).Type);
        Assert.Equal("/api/v4/projects/5/repository/tree?path=src&ref=main&recursive=true&per_page=100", Only.PathAndQuery);
    }

    [Fact]
    public async Task ListCommitsAsync_FormatsWindowInUtc()
    {
        _server.Respond(HttpStatusCode.OK, "[]");
        var since = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.FromHours(2));

        await Client.ListCommitsAsync(5, new GitLabCommitQuery { RefName = "main", Path = "src/Checkout", Since = since, Until = since.AddHours(1) }, Ct).ToListAsync(Ct);

        Assert.Equal(
            "/api/v4/projects/5/repository/commits?ref_name=main&path=src%2FCheckout&since=2026-11-21T08%3A00%3A00.000Z&until=2026-11-21T09%3A00%3A00.000Z&per_page=100",
            Only.PathAndQuery);
    }

    [Fact]
    public async Task ListMergeRequestCommitsAsync_GetsTheMergeRequestsCommitsPath_InTheCommitListShape()
    {
        _server.RespondFixture("api-commits-list.json");

        var commits = await Client.ListMergeRequestCommitsAsync(5, 7, Ct).ToListAsync(Ct);

        Assert.Equal("/api/v4/projects/5/merge_requests/7/commits?per_page=100", Only.PathAndQuery);
        Assert.NotEmpty(commits);
        Assert.All(commits, c => Assert.False(string.IsNullOrEmpty(c.Id)));
    }

    [Fact]
    public async Task GetCommitAndDiffAsync_UseTheShaPaths()
    {
        _server.RespondFixture("api-commit.json")
            .Respond(HttpStatusCode.OK, """[{"old_path":"a.cs","new_path":"a.cs","a_mode":"100644","b_mode":"100644","diff":"@@ -1 +1 @@\n-x\n+y\n","new_file":false,"renamed_file":false,"deleted_file":false}]""");
        var client = Client;

        var commit = await client.GetCommitAsync(5, "6104942438c", Ct);
        var diffs = await client.GetCommitDiffAsync(5, "6104942438c", Ct).ToListAsync(Ct);

        Assert.Equal("Sanitize for network graph", commit.Title);
        Assert.Equal("a.cs", Assert.Single(diffs).NewPath);
        Assert.Equal("/api/v4/projects/5/repository/commits/6104942438c/diff?per_page=100", _server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task CompareAsync_PassesRefs()
    {
        _server.RespondFixture("api-compare.json");

        var result = await Client.CompareAsync(5, "v1.0", "main", straight: false, Ct);

        Assert.Equal("files/js/application.js", Assert.Single(result.Diffs).NewPath);
        Assert.Equal("/api/v4/projects/5/repository/compare?from=v1.0&to=main", Only.PathAndQuery);
    }

    [Fact]
    public async Task CreateCommitAsync_PostsActions()
    {
        _server.RespondFixture("api-commit-create.json", HttpStatusCode.Created);
        var request = new GitLabCommitRequest
        {
            Branch = "ragnarok/hotfix-7",
            StartBranch = "main",
            CommitMessage = "Revert culprit and add a regression test",
            Actions =
            [
                new GitLabCommitAction { Action = GitLabCommitActionKind.Update, FilePath = "src/Pricing.cs", Content = "class Pricing {}" },
                new GitLabCommitAction { Action = GitLabCommitActionKind.Create, FilePath = "tests/PricingTests.cs", Content = "class PricingTests {}" },
            ],
        };

        var commit = await Client.CreateCommitAsync(5, request, Ct);

        Assert.Equal("ed899a2f4b50b4370feeea94676502b42383c746", commit.Id);
        Assert.Equal("main", (string?)Body["start_branch"]);
        Assert.Equal("tests/PricingTests.cs", (string?)Body["actions"]![1]!["file_path"]);
    }

    [Fact]
    public async Task CreateCommitAsync_NoActions_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Client.CreateCommitAsync(5, new GitLabCommitRequest { Branch = "b", CommitMessage = "m", Actions = [] }, Ct));

    [Fact]
    public async Task BranchesAsync_ListAndCreate()
    {
        _server.RespondFixture("api-branches-list.json").RespondFixture("api-branch-create.json", HttpStatusCode.Created);
        var client = Client;

        var branches = await client.ListBranchesAsync(5, "ma", Ct).ToListAsync(Ct);
        var created = await client.CreateBranchAsync(5, "newbranch", "main", Ct);

        Assert.True(Assert.Single(branches).Default);
        Assert.Equal("newbranch", created.Name);
        Assert.Equal("""{"branch":"newbranch","ref":"main"}""", _server.Requests[1].Body);
    }

    [Fact]
    public async Task CreateMergeRequestAsync_Draft_PrefixesTitleOnce()
    {
        _server.RespondFixture("api-merge-request-create.json", HttpStatusCode.Created).RespondFixture("api-merge-request-create.json", HttpStatusCode.Created);
        var client = Client;
        var request = new GitLabNewMergeRequest { SourceBranch = "ragnarok/hotfix-7", TargetBranch = "main", Title = "Revert culprit" };

        await client.CreateMergeRequestAsync(5, request, draft: true, Ct);
        await client.CreateMergeRequestAsync(5, request with { Title = "Draft: Revert culprit" }, draft: true, Ct);

        Assert.All(_server.Requests, r => Assert.Equal("Draft: Revert culprit", (string?)JsonNode.Parse(r.Body!)!["title"]));
        Assert.Equal("ragnarok/hotfix-7", (string?)JsonNode.Parse(_server.Requests[0].Body!)!["source_branch"]);
    }

    [Fact]
    public async Task MergeRequestsAsync_GetAndListBySourceBranch()
    {
        _server.RespondFixture("api-merge-request-create.json").Respond(HttpStatusCode.OK, $"[{GitLabFixtures.Read("api-merge-request-create.json")}]");
        var client = Client;

        var mr = await client.GetMergeRequestAsync(3, 1, Ct);
        var list = await client.ListMergeRequestsAsync(3, "test1", "opened", Ct).ToListAsync(Ct);

        Assert.Equal(1, mr.Iid);
        Assert.Single(list);
        Assert.Equal("/api/v4/projects/3/merge_requests?source_branch=test1&state=opened&per_page=100", _server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task CreatePipelineAsync_SendsRefAndVariables()
    {
        _server.RespondFixture("api-pipeline-create.json", HttpStatusCode.Created);

        var pipeline = await Client.CreatePipelineAsync(1, "main", [new GitLabPipelineVariable("RAGNAROK_REPLAY", "1"), new GitLabPipelineVariable("CFG", "x") { VariableType = "file" }], Ct);

        Assert.Equal(61, pipeline.Id);
        Assert.Equal("/api/v4/projects/1/pipeline", Only.PathAndQuery);
        Assert.Equal("""{"ref":"main","variables":[{"key":"RAGNAROK_REPLAY","value":"1"},{"key":"CFG","value":"x","variable_type":"file"}]}""", Only.Body);
    }

    [Fact]
    public async Task ListPipelineJobsAsync_SendsEachScope()
    {
        _server.RespondFixture("api-jobs-list.json");

        var jobs = await Client.ListPipelineJobsAsync(1, 6, [GitLabJobScope.Failed, GitLabJobScope.Success], Ct).ToListAsync(Ct);

        Assert.Equal(2, jobs.Count);
        Assert.Equal("/api/v4/projects/1/pipelines/6/jobs?scope[]=failed&scope[]=success&per_page=100", Uri.UnescapeDataString(Only.PathAndQuery));
    }

    [Fact]
    public async Task ListProjectJobsAsync_UsesKeysetAndFollowsItsCursorLink()
    {
        const string next = "https://gitlab.test/api/v4/projects/1/jobs?cursor=eyJpZCI6IjYifQ&order_by=id&pagination=keyset&per_page=100&sort=desc";
        _server.RespondFixture("api-jobs-list.json", configure: r => r.Headers.TryAddWithoutValidation("Link", $"<{next}>; rel=\"next\""))
            .Respond(HttpStatusCode.OK, "[]");

        var jobs = await Client.ListProjectJobsAsync(1, [GitLabJobScope.Failed], Ct).ToListAsync(Ct);

        Assert.Equal(2, jobs.Count);
        Assert.Equal(
            "/api/v4/projects/1/jobs?pagination=keyset&order_by=id&sort=desc&scope[]=failed&per_page=100",
            Uri.UnescapeDataString(_server.Requests[0].PathAndQuery));
        Assert.Equal(new Uri(next), _server.Requests[1].Uri);
    }

    [Fact]
    public async Task GetJobTraceAsync_ReturnsPlainText()
    {
        const string trace = "Running with gitlab-runner\n$ dotnet test\nFailed PricingTests.Total [12 ms]\nERROR: Job failed: exit code 1\n";
        _server.Respond(HttpStatusCode.OK, trace, "text/plain");

        var text = await Client.GetJobTraceAsync(1, 7, Ct);

        Assert.Equal(trace, text);
        Assert.Equal("/api/v4/projects/1/jobs/7/trace", Only.PathAndQuery);
    }

    [Fact]
    public async Task ListDeploymentsAsync_FiltersByEnvironmentNewestFirst()
    {
        _server.RespondFixture("api-deployments-list.json");

        var deployments = await Client.ListDeploymentsAsync(
            1, new GitLabDeploymentQuery { Environment = "production", UpdatedAfter = new DateTimeOffset(2016, 8, 11, 0, 0, 0, TimeSpan.Zero) }, Ct).ToListAsync(Ct);

        Assert.Equal(2, deployments.Count);
        Assert.Equal(
            "/api/v4/projects/1/deployments?environment=production&updated_after=2016-08-11T00%3A00%3A00.000Z&order_by=updated_at&sort=desc&per_page=100",
            Only.PathAndQuery);
    }

    [Fact]
    public async Task EnvironmentsAsync_ListAndGet()
    {
        _server.RespondFixture("api-environments-list.json").RespondFixture("api-environment-get.json");
        var client = Client;

        var list = await client.ListEnvironmentsAsync(1, Ct).ToListAsync(Ct);
        var one = await client.GetEnvironmentAsync(1, 1, Ct);

        Assert.Equal("review/fix-foo", Assert.Single(list).Name);
        Assert.Equal(100, one.LastDeployment!.Id);
        Assert.Equal("/api/v4/projects/1/environments/1", _server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task FeatureFlagsAsync_ListAndGetByName()
    {
        _server.RespondFixture("api-feature-flags-list.json").RespondFixture("api-feature-flag-update.json");
        var client = Client;

        var flags = await client.ListFeatureFlagsAsync(1, Ct).ToListAsync(Ct);
        var flag = await client.GetFeatureFlagAsync(1, "awesome_feature", Ct);

        Assert.Equal(3, flags.Count);
        Assert.Equal("gradualRolloutUserId", flag.Strategies[0].Name);
        Assert.Equal("/api/v4/projects/1/feature_flags/awesome_feature", _server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task GetMemberAsync_IncludesInheritedMembership()
    {
        _server.Respond(HttpStatusCode.OK, """{"id":42,"username":"bob","name":"Bob","state":"active","access_level":40,"expires_at":null}""");

        var member = await Client.GetMemberAsync("acme/checkout", 42, Ct);

        Assert.Equal(GitLabAccessLevel.Maintainer, member!.AccessLevel);
        Assert.Equal("/api/v4/projects/acme%2Fcheckout/members/all/42", Only.PathAndQuery);
    }

    [Fact]
    public async Task GetMemberAsync_NotAMember_ReturnsNull()
    {
        _server.Respond(HttpStatusCode.NotFound, """{"message":"404 Not found"}""");

        Assert.Null(await Client.GetMemberAsync(5, 99, Ct));
    }

    [Fact]
    public async Task ListMembersAsync_InheritedUsesMembersAll()
    {
        _server.Respond(HttpStatusCode.OK, """[{"id":42,"username":"bob","access_level":30}]""");

        var members = await Client.ListMembersAsync(5, includeInherited: true, Ct).ToListAsync(Ct);

        Assert.Equal(GitLabAccessLevel.Developer, Assert.Single(members).AccessLevel);
        Assert.Equal("/api/v4/projects/5/members/all?per_page=100", Only.PathAndQuery);
    }

    [Fact]
    public async Task WikiPagesAsync_CreateAndUpdateBySlug()
    {
        _server.RespondFixture("api-wiki-create.json", HttpStatusCode.Created).RespondFixture("api-wiki-create.json");
        var client = Client;

        var page = await client.CreateWikiPageAsync(5, "Hello", "Hello world", Ct);
        await client.UpdateWikiPageAsync(5, "incidents/2026-11-21", "Hello again", null, Ct);

        Assert.Equal("Hello", page.Slug);
        Assert.Equal("""{"title":"Hello","content":"Hello world","format":"markdown"}""", _server.Requests[0].Body);
        Assert.Equal("/api/v4/projects/5/wikis/incidents%2F2026-11-21", _server.Requests[1].PathAndQuery);
        Assert.Equal("""{"content":"Hello again","format":"markdown"}""", _server.Requests[1].Body);
    }

    [Fact]
    public async Task LabelsAsync_ListAndCreate()
    {
        _server.Respond(HttpStatusCode.OK, """[{"id":1,"name":"critical","color":"#d9534f","text_color":"#FFFFFF","description":null}]""")
            .Respond(HttpStatusCode.Created, """{"id":2,"name":"ragnarok::triaged","color":"#5843AD"}""");
        var client = Client;

        var labels = await client.ListLabelsAsync(5, Ct).ToListAsync(Ct);
        var created = await client.CreateLabelAsync(5, "ragnarok::triaged", "#5843AD", null, Ct);

        Assert.Equal("critical", Assert.Single(labels).Name);
        Assert.Equal(2, created.Id);
        Assert.Equal("""{"name":"ragnarok::triaged","color":"#5843AD"}""", _server.Requests[1].Body);
    }
}
