using System.Net;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Pagination over many small pages, and authentication failures, through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class PaginationSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task ListCommitsAsync_PagesOfThree_SameCommitsAsOnePage()
    {
        var small = sandbox.CreateClient(sandbox.Server.Token, pageSize: 3);

        var paged = await small.ListCommitsAsync(sandbox.Project, new GitLabCommitQuery { RefName = "main" }, Ct).ToListAsync(Ct);
        var whole = await sandbox.Client.ListCommitsAsync(sandbox.Project, new GitLabCommitQuery { RefName = "main" }, Ct).ToListAsync(Ct);

        Assert.True(paged.Count > 20, $"expected many pages of three, got {paged.Count} commits");
        Assert.Equal(whole.Select(c => c.Id), paged.Select(c => c.Id));
    }

    [Fact]
    public async Task ListTreeAndDeployments_PagesOfTwo_SameItemsAsOnePage()
    {
        var small = sandbox.CreateClient(sandbox.Server.Token, pageSize: 2);

        var tree = await small.ListTreeAsync(sandbox.Project, null, "main", recursive: true, Ct).ToListAsync(Ct);
        var deployments = await small.ListDeploymentsAsync(sandbox.Project, new GitLabDeploymentQuery(), Ct).ToListAsync(Ct);
        var members = await small.ListMembersAsync(sandbox.Project, includeInherited: false, Ct).ToListAsync(Ct);

        Assert.Equal(
            (await sandbox.Client.ListTreeAsync(sandbox.Project, null, "main", recursive: true, Ct).ToListAsync(Ct)).Select(i => i.Path),
            tree.Select(i => i.Path));
        Assert.Equal(
            (await sandbox.Client.ListDeploymentsAsync(sandbox.Project, new GitLabDeploymentQuery(), Ct).ToListAsync(Ct)).Select(d => d.Id),
            deployments.Select(d => d.Id));
        Assert.True(deployments.Count > 4, $"expected several pages of deployments, got {deployments.Count}");
        Assert.Equal(5, members.Count);
    }

    [Fact]
    public async Task AnyCall_WrongToken_Throws401WithoutTheToken()
    {
        const string wrong = "glpat-wrong-token-that-must-not-leak";
        var client = sandbox.CreateClient(wrong);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => client.GetIssueAsync(sandbox.Project, 1, Ct));
        var listing = await Assert.ThrowsAsync<GitLabApiException>(async () =>
            await client.ListCommitsAsync(sandbox.Project, new GitLabCommitQuery(), Ct).ToListAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("401 Unauthorized", ex.GitLabMessage);
        Assert.DoesNotContain(wrong, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, ex.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, listing.StatusCode);
        Assert.DoesNotContain(wrong, listing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssueAsync_ApiRootAsBaseUrlAndNumericProjectId_SameIssue()
    {
        var byApiRoot = sandbox.CreateClient(sandbox.Server.Token, baseUrl: sandbox.Server.ApiUrl);
        var created = await sandbox.Client.CreateIssueAsync(sandbox.Project, new GitLabNewIssue { Title = GitLabSandboxFixture.Unique("by id") }, Ct);

        var fetched = await byApiRoot.GetIssueAsync(GitLabProjectId.FromId(sandbox.Truth.ProjectId), created.Iid, Ct);

        Assert.Equal(created.Id, fetched.Id);
    }

    [Fact]
    public async Task CreateIssueAsync_SeededMembersToken_AuthoredByThatMember()
    {
        var alice = sandbox.CreateClient("glpat-alice-sandbox");

        var issue = await alice.CreateIssueAsync(sandbox.Project, new GitLabNewIssue { Title = GitLabSandboxFixture.Unique("from alice") }, Ct);

        Assert.Equal("alice", issue.Author?.Username);
    }
}
