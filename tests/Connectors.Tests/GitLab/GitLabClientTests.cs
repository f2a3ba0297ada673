using System.Net;
using System.Net.Http.Headers;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.GitLab;

/// <summary>The transport: authentication, pagination, errors, retries and event-uuid forwarding.</summary>
public sealed class GitLabClientTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeHttpMessageHandler _server = new();

    [Fact]
    public async Task ListCommitsAsync_LinkHeader_FollowsNextUntilAbsent()
    {
        const string next = "https://gitlab.test/api/v4/projects/5/repository/commits?id=5&page=2&per_page=100&ref_name=main";
        _server.RespondFixture("api-commits-list.json", configure: r => r.Headers.TryAddWithoutValidation(
                "Link", $"<{next}>; rel=\"next\", <https://gitlab.test/api/v4/projects/5/repository/commits?page=1&per_page=100>; rel=\"first\""))
            .RespondFixture("api-commits-list.json");
        var client = GitLabTestClient.Create(_server);

        var commits = await client.ListCommitsAsync(5, new GitLabCommitQuery { RefName = "main" }, Ct).ToListAsync(Ct);

        Assert.Equal(4, commits.Count);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("/api/v4/projects/5/repository/commits?ref_name=main&per_page=100", _server.Requests[0].PathAndQuery);
        Assert.Equal(new Uri(next), _server.Requests[1].Uri);
    }

    [Fact]
    public async Task ListPipelinesAsync_XNextPage_RequestsThatPageUntilEmpty()
    {
        _server.RespondFixture("api-pipelines-list.json", configure: r => r.Headers.TryAddWithoutValidation("X-Next-Page", "2"))
            .RespondFixture("api-pipelines-list.json", configure: r => r.Headers.TryAddWithoutValidation("X-Next-Page", ""));
        var client = GitLabTestClient.Create(_server);

        var pipelines = await client.ListPipelinesAsync(5, new GitLabPipelineQuery { Ref = "main" }, Ct).ToListAsync(Ct);

        Assert.Equal(4, pipelines.Count);
        Assert.Equal("/api/v4/projects/5/pipelines?ref=main&per_page=100&page=2", _server.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task ListPipelinesAsync_LinkToAnotherHost_IsNotFollowed()
    {
        _server.RespondFixture("api-pipelines-list.json", configure: r => r.Headers.TryAddWithoutValidation(
            "Link", "<https://evil.example/api/v4/projects/5/pipelines?page=2>; rel=\"next\""));
        var client = GitLabTestClient.Create(_server);

        var pipelines = await client.ListPipelinesAsync(5, new GitLabPipelineQuery(), Ct).ToListAsync(Ct);

        Assert.Equal(2, pipelines.Count);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetIssueAsync_SendsTokenHeaderAndAcceptsJson()
    {
        _server.Respond(HttpStatusCode.OK, IssueJson);
        var client = GitLabTestClient.Create(_server);

        var issue = await client.GetIssueAsync("group/sub/project", 7, Ct);

        Assert.Equal(7, issue.Iid);
        Assert.Equal(["critical", "backend"], issue.Labels);
        Assert.Equal(GitLabTestClient.Token, _server.Requests[0].Headers["PRIVATE-TOKEN"]);
        Assert.Equal("/api/v4/projects/group%2Fsub%2Fproject/issues/7", _server.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task GetIssueAsync_404_ThrowsWithStatusMessageAndPathButNotToken()
    {
        _server.Respond(HttpStatusCode.NotFound, """{"message":"404 Project Not Found"}""");
        var client = GitLabTestClient.Create(_server);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.GetIssueAsync("group/project", 3, Ct));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.True(ex.IsNotFound);
        Assert.Equal("404 Project Not Found", ex.GitLabMessage);
        Assert.Equal("/api/v4/projects/group%2Fproject/issues/3", ex.Path);
        Assert.Contains("404 Project Not Found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/api/v4/projects/group%2Fproject/issues/3", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitLabTestClient.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIssueAsync_ValidationErrorObject_FlattensFieldMessages()
    {
        _server.RespondFixture("api-error-400-validation.json", HttpStatusCode.BadRequest);
        var client = GitLabTestClient.Create(_server);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.CreateIssueAsync(5, new GitLabNewIssue { Title = "x" }, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("bio: is too long (maximum is 255 characters)", ex.GitLabMessage);
        Assert.Equal("POST", ex.Method);
    }

    [Fact]
    public async Task CreateIssueAsync_ServerEchoesToken_ExceptionRedactsIt()
    {
        _server.Respond(HttpStatusCode.Unauthorized, $$"""{"error":"invalid_token","error_description":"Token {{GitLabTestClient.Token}} was revoked"}""");
        var client = GitLabTestClient.Create(_server);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.CreateIssueAsync(5, new GitLabNewIssue { Title = "x" }, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Contains("invalid_token", ex.GitLabMessage, StringComparison.Ordinal);
        Assert.Contains("[redacted]", ex.GitLabMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(GitLabTestClient.Token, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPipelineAsync_429PlainTextThenOk_RetriesAfterTheHintAndSucceeds()
    {
        var time = new InstantTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        _server.Respond(HttpStatusCode.TooManyRequests, "Retry later", "text/plain", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .RespondFixture("api-pipeline-get.json");
        var client = GitLabTestClient.CreateResilient(_server, time);

        var pipeline = await client.GetPipelineAsync(21, 287, Ct);

        Assert.Equal(287, pipeline.Id);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Delays);
    }

    [Fact]
    public async Task GetPipelineAsync_429Persisting_ThrowsWithThePlainTextBody()
    {
        var time = new InstantTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        for (var i = 0; i < 2; i++)
        {
            _server.Respond(HttpStatusCode.TooManyRequests, "Retry later\n", "text/plain", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));
        }

        var client = GitLabTestClient.CreateResilient(_server, time, maxRetryAttempts: 1);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.GetPipelineAsync(21, 287, Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("Retry later", ex.GitLabMessage);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task GetPipelineAsync_503ThenOk_Retries()
    {
        var time = new InstantTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        _server.Respond(HttpStatusCode.ServiceUnavailable, "<html>maintenance</html>", "text/html").RespondFixture("api-pipeline-get.json");
        var client = GitLabTestClient.CreateResilient(_server, time);

        var pipeline = await client.GetPipelineAsync(21, 287, Ct);

        Assert.Equal("success", pipeline.Status);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task CreateIssueAsync_400_IsNotRetried()
    {
        var time = new InstantTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        _server.RespondFixture("api-error-400-missing-attribute.json", HttpStatusCode.BadRequest);
        var client = GitLabTestClient.CreateResilient(_server, time);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.CreateIssueAsync(5, new GitLabNewIssue { Title = "x" }, Ct));

        Assert.Equal("400 (Bad request) \"title\" not given", ex.GitLabMessage);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task CreateIssueNoteAsync_502_IsNotRetriedSoNoDuplicateNote()
    {
        // GitLab may have stored the note before its proxy answered 502; a second POST would post it twice.
        var time = new InstantTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        _server.Respond(HttpStatusCode.BadGateway, "<html>502</html>", "text/html");
        var client = GitLabTestClient.CreateResilient(_server, time);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.CreateIssueNoteAsync(5, 7, "triage report", Ct));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Calls_InsideEventContext_ForwardTheEventUuid()
    {
        _server.Respond(HttpStatusCode.OK, IssueJson).Respond(HttpStatusCode.OK, IssueJson).Respond(HttpStatusCode.OK, IssueJson);
        var client = GitLabTestClient.Create(_server);

        using (GitLabEventContext.Begin("outer-uuid"))
        {
            await client.GetIssueAsync(5, 7, Ct);
            using (GitLabEventContext.Begin("inner-uuid"))
            {
                await client.GetIssueAsync(5, 7, Ct);
            }
        }

        await client.GetIssueAsync(5, 7, Ct);

        Assert.Equal("outer-uuid", _server.Requests[0].Headers["X-Gitlab-Event-UUID"]);
        Assert.Equal("inner-uuid", _server.Requests[1].Headers["X-Gitlab-Event-UUID"]);
        Assert.False(_server.Requests[2].Headers.ContainsKey("X-Gitlab-Event-UUID"));
    }

    [Fact]
    public async Task Calls_ConcurrentEventContexts_DoNotLeakIntoEachOther()
    {
        _server.Respond(HttpStatusCode.OK, IssueJson).Respond(HttpStatusCode.OK, IssueJson);
        var client = GitLabTestClient.Create(_server);

        async Task HandleAsync(string uuid)
        {
            using (GitLabEventContext.Begin(uuid))
            {
                await Task.Yield();
                await client.GetIssueAsync(5, 7, Ct);
            }
        }

        await Task.WhenAll(HandleAsync("a"), HandleAsync("b"));

        Assert.Equal(["a", "b"], _server.Requests.Select(r => r.Headers["X-Gitlab-Event-UUID"]).Order());
    }

    [Fact]
    public async Task BaseUrl_GivenWithApiSuffix_IsNotDoubled()
    {
        _server.Respond(HttpStatusCode.OK, IssueJson);
        var client = GitLabTestClient.Create(_server, "http://127.0.0.1:8929/api/v4/");

        await client.GetIssueAsync(5, 7, Ct);

        Assert.Equal(new Uri("http://127.0.0.1:8929/api/v4/projects/5/issues/7"), _server.Requests[0].Uri);
    }

    internal const string IssueJson = """
        {"id": 84, "iid": 7, "project_id": 5, "title": "Checkout fails", "description": "500s since 10:02",
         "state": "opened", "labels": ["critical", "backend"], "created_at": "2026-11-21T10:05:00Z",
         "author": {"id": 3, "username": "alice", "name": "Alice"}, "web_url": "https://gitlab.test/g/p/-/issues/7"}
        """;
}
