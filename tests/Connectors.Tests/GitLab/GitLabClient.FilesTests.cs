using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Tests.Http;

namespace RagnarokOps.Connectors.Tests.GitLab;

public sealed class GitLabClientFilesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeHttpMessageHandler _server = new();
    private readonly RecordingLogger _logger = new();

    private GitLabClient Client => new(new HttpClient(_server), Options.Create(new GitLabOptions { BaseUrl = GitLabTestClient.BaseUrl, Token = GitLabTestClient.Token }), _logger);

    [Fact]
    public async Task FindRawFileAsync_FileNotFound_IsNullAndNoWarning()
    {
        _server.Respond(HttpStatusCode.NotFound, """{"message":"404 File Not Found"}""");

        var text = await Client.FindRawFileAsync(5, ".ragnarokignore", "main", Ct);

        Assert.Null(text);
        Assert.Equal("/api/v4/projects/5/repository/files/.ragnarokignore/raw?ref=main", Assert.Single(_server.Requests).PathAndQuery);
        Assert.DoesNotContain(_logger.Levels, l => l >= LogLevel.Warning);
    }

    [Fact]
    public async Task FindRawFileAsync_ProjectNotFound_StillFails()
    {
        _server.Respond(HttpStatusCode.NotFound, """{"message":"404 Project Not Found"}""");

        var error = await Assert.ThrowsAsync<GitLabApiException>(() => Client.FindRawFileAsync(5, ".ragnarokignore", "main", Ct));

        Assert.Equal("404 Project Not Found", error.GitLabMessage);
    }

    [Fact]
    public async Task FindRawFileAsync_Present_IsItsText()
    {
        _server.Respond(HttpStatusCode.OK, "secrets/\n", "text/plain");

        Assert.Equal("secrets/\n", await Client.FindRawFileAsync(5, ".ragnarokignore", "main", Ct));
    }

    [Fact]
    public async Task GetGroupMemberAsync_EncodesTheGroupPath_NotAMemberIsNull()
    {
        _server.Respond(HttpStatusCode.NotFound, """{"message":"404 Not found"}""");

        Assert.Null(await Client.GetGroupMemberAsync("acme/sre", 12, Ct));
        Assert.Equal("/api/v4/groups/acme%2Fsre/members/all/12", Assert.Single(_server.Requests).PathAndQuery);
    }

    private sealed class RecordingLogger : ILogger<GitLabClient>
    {
        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => Levels.Add(logLevel);
    }
}
