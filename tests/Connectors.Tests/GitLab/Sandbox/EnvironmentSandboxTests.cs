using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>The endpoints environment-branch work added, against the sandbox's envsync seed.</summary>
public sealed class EnvironmentSandboxTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("ragnarok-client-envsync");
    private SandboxServer _server = null!;
    private ServiceProvider _provider = null!;
    private IGitLabClient _client = null!;
    private static readonly GitLabProjectId Project = GitLabProjectId.FromPath("platform/inventory");

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "envsync" }, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = _server.BaseUrl.ToString(),
            ["GitLab:Token"] = _server.Token,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGitLabClient(configuration);
        _provider = services.BuildServiceProvider();
        _client = _provider.GetRequiredService<IGitLabClient>();
    }

    [Fact]
    public async Task GetProjectAndGroupProjects_NameBothSeededProjects()
    {
        var project = await _client.GetProjectAsync(Project, CancellationToken.None);
        var group = await _client.ListGroupProjectsAsync("platform", CancellationToken.None).ToListAsync();

        Assert.Equal("dev", project.DefaultBranch);
        Assert.Equal(["platform/billing", "platform/inventory"], group.Select(p => p.PathWithNamespace).Order(StringComparer.Ordinal));
        var missing = await Assert.ThrowsAsync<GitLabApiException>(() => _client.ListGroupProjectsAsync("nobody", CancellationToken.None).ToListAsync().AsTask());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetBranchAndMergeBase_GiveTheForkPoint()
    {
        var production = await _client.GetBranchAsync(Project, "production", CancellationToken.None);
        var staging = await _client.GetBranchAsync(Project, "staging", CancellationToken.None);
        var mergeBase = await _client.GetMergeBaseAsync(Project, "staging", "production", CancellationToken.None);

        Assert.Equal(_server.GroundTruth!.CulpritSha, production.Commit.Id);
        Assert.Equal("Add reservations endpoint", mergeBase.Title);
        Assert.NotEqual(staging.Commit.Id, mergeBase.Id);
    }

    [Fact]
    public async Task IssuesAndMergeRequests_AreFoundByFilterAndUpdatedInPlace()
    {
        var issue = await _client.CreateIssueAsync(Project, new GitLabNewIssue { Title = "Tracking", Description = "<!-- marker-x --> first" }, CancellationToken.None);
        var found = await _client.ListIssuesAsync(Project, new GitLabIssueQuery { Search = "marker-x", State = "opened" }, CancellationToken.None).ToListAsync();
        var updated = await _client.UpdateIssueAsync(Project, issue.Iid, new GitLabIssuableUpdate { Description = "<!-- marker-x --> second" }, CancellationToken.None);

        Assert.Equal(issue.Iid, Assert.Single(found).Iid);
        Assert.Equal("<!-- marker-x --> second", updated.Description);

        var mr = await _client.CreateMergeRequestAsync(Project, new GitLabNewMergeRequest { SourceBranch = "dev", TargetBranch = "staging", Title = "Promote" }, false, CancellationToken.None);
        var byBranches = await _client.ListMergeRequestsAsync(Project, new GitLabMergeRequestQuery { SourceBranch = "dev", TargetBranch = "staging", State = "opened" }, CancellationToken.None).ToListAsync();
        var otherTarget = await _client.ListMergeRequestsAsync(Project, new GitLabMergeRequestQuery { SourceBranch = "dev", TargetBranch = "production" }, CancellationToken.None).ToListAsync();
        var renamed = await _client.UpdateMergeRequestAsync(Project, mr.Iid, new GitLabIssuableUpdate { Title = "Promote dev", Description = "new" }, CancellationToken.None);

        Assert.Equal(mr.Iid, Assert.Single(byBranches).Iid);
        Assert.Empty(otherTarget);
        Assert.Equal(("Promote dev", "new"), (renamed.Title, renamed.Description));
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _server.DisposeAsync();
        _data.Dispose();
    }
}
