using System.Net;
using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class GitLabClientCherryPickTests
{
    private const string Sha = "a738f717824ff53aebad8b090c1b79a14f2bd9e8";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeHttpMessageHandler _server = new();

    [Fact]
    public async Task CherryPickAsync_DryRunSuccess_ReturnsDryRunSucceededWithoutCommit()
    {
        _server.RespondFixture("api-commit-dry-run-success.json");
        var client = GitLabTestClient.Create(_server);

        var result = await client.CherryPickAsync(5, Sha, "release/1.2", dryRun: true, Ct);

        Assert.Equal(GitLabCommitChangeStatus.DryRunSucceeded, result.Status);
        Assert.Null(result.Commit);
        Assert.Equal($"/api/v4/projects/5/repository/commits/{Sha}/cherry_pick", _server.Requests[0].PathAndQuery);
        var body = JsonNode.Parse(_server.Requests[0].Body!)!;
        Assert.Equal("release/1.2", (string?)body["branch"]);
        Assert.True((bool?)body["dry_run"]);
    }

    [Fact]
    public async Task CherryPickAsync_Created_ReturnsTheNewCommit()
    {
        _server.RespondFixture("api-commit-cherry-pick.json", HttpStatusCode.Created);
        var client = GitLabTestClient.Create(_server);

        var result = await client.CherryPickAsync(5, Sha, "main", dryRun: false, Ct);

        Assert.Equal(GitLabCommitChangeStatus.Committed, result.Status);
        Assert.Equal("8b090c1b79a14f2bd9e8a738f717824ff53aebad", result.Commit!.Id);
        Assert.Null(JsonNode.Parse(_server.Requests[0].Body!)!["dry_run"]);
    }

    [Fact]
    public async Task CherryPickAsync_ErrorCodeEmpty_ReturnsRefusedNotException()
    {
        _server.RespondFixture("api-commit-cherry-pick-error.json", HttpStatusCode.BadRequest);
        var client = GitLabTestClient.Create(_server);

        var result = await client.CherryPickAsync(5, Sha, "main", dryRun: false, Ct);

        Assert.Equal(GitLabCommitChangeStatus.Refused, result.Status);
        Assert.True(result.IsEmpty);
        Assert.False(result.IsConflict);
        Assert.StartsWith("Sorry, we cannot cherry-pick this commit automatically.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevertAsync_DryRunConflict_ReturnsRefusedConflict()
    {
        _server.RespondFixture("api-commit-revert-error.json", HttpStatusCode.BadRequest);
        var client = GitLabTestClient.Create(_server);

        var result = await client.RevertAsync("group/service", Sha, "main", dryRun: true, Ct);

        Assert.Equal(GitLabCommitChangeStatus.Refused, result.Status);
        Assert.True(result.IsConflict);
        Assert.Equal("conflict", result.ErrorCode);
        Assert.Equal($"/api/v4/projects/group%2Fservice/repository/commits/{Sha}/revert", _server.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task RevertAsync_Created_ReturnsTheRevertCommit()
    {
        _server.RespondFixture("api-commit-revert.json", HttpStatusCode.Created);
        var client = GitLabTestClient.Create(_server);

        var result = await client.RevertAsync(5, Sha, "main", dryRun: false, Ct);

        Assert.Equal(GitLabCommitChangeStatus.Committed, result.Status);
        Assert.StartsWith("Revert \"Feature added\"", result.Commit!.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevertAsync_400WithoutErrorCode_Throws()
    {
        _server.RespondFixture("api-error-400-missing-attribute.json", HttpStatusCode.BadRequest);
        var client = GitLabTestClient.Create(_server);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.RevertAsync(5, Sha, "main", dryRun: false, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task CherryPickAsync_Forbidden_Throws()
    {
        _server.Respond(HttpStatusCode.Forbidden, """{"message":"403 Forbidden"}""");
        var client = GitLabTestClient.Create(_server);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.CherryPickAsync(5, Sha, "main", dryRun: true, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("403 Forbidden", ex.GitLabMessage);
    }
}
