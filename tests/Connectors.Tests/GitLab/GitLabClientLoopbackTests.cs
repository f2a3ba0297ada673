using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab;

/// <summary>The client as AddGitLabClient wires it, against a real HTTP server on loopback.</summary>
public sealed class GitLabClientLoopbackTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? Token, string? EventUuid)> _seen = new();
    private WebApplication? _app;
    private int _issueCalls;

    private string BaseUrl => _app!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            _seen.Enqueue((context.Request.Path + context.Request.QueryString, context.Request.Headers["PRIVATE-TOKEN"], context.Request.Headers["X-Gitlab-Event-UUID"]));
            await next(context);
        });
        _app.MapGet("/api/v4/projects/{id}/issues/{iid}", (HttpContext context) =>
            Interlocked.Increment(ref _issueCalls) == 1
                ? Results.Text("upstream busy", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text(GitLabClientTests.IssueJson, "application/json"));
        _app.MapGet("/api/v4/projects/{id}/pipelines", (HttpContext context) =>
        {
            var page = context.Request.Query["page"].ToString();
            if (page != "2")
            {
                context.Response.Headers["X-Next-Page"] = "2";
            }

            return Results.Text(GitLabFixtures.Read("api-pipelines-list.json"), "application/json");
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task AddGitLabClient_AgainstLoopbackServer_RetriesPaginatesAndForwardsHeaders()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = BaseUrl,
            ["GitLab:Token"] = "glpat-loopback",
            ["GitLab:RetryBaseDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGitLabClient(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IGitLabClient>();

        GitLabIssue issue;
        List<GitLabPipeline> pipelines;
        using (GitLabEventContext.Begin("loop-uuid"))
        {
            issue = await client.GetIssueAsync("acme/checkout", 7, CancellationToken.None);
            pipelines = await client.ListPipelinesAsync("acme/checkout", new GitLabPipelineQuery(), CancellationToken.None).ToListAsync();
        }

        var seen = _seen.ToArray();
        Assert.Equal("Checkout fails", issue.Title);
        Assert.Equal(4, pipelines.Count);
        Assert.Equal(2, _issueCalls);
        Assert.Equal(4, seen.Length);
        Assert.All(seen, s => Assert.Equal("glpat-loopback", s.Token));
        Assert.All(seen, s => Assert.Equal("loop-uuid", s.EventUuid));
        Assert.Equal("/api/v4/projects/acme%2Fcheckout/issues/7", seen[0].Path);
        Assert.Equal("?per_page=100&page=2", seen[3].Path[seen[3].Path.IndexOf('?', StringComparison.Ordinal)..]);
    }
}
