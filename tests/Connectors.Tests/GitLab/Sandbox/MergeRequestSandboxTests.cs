using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Merge requests (create as draft, get, list by source branch) through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class MergeRequestSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task CreateMergeRequestAsync_DraftRevertOfCulprit_GetAndListBySourceBranchFindIt()
    {
        var branch = await _client.CreateBranchAsync(sandbox.Project, GitLabSandboxFixture.Unique("ragnarok/revert"), "main", Ct);
        var revert = await _client.RevertAsync(sandbox.Project, sandbox.Truth.CulpritSha!, branch.Name, dryRun: false, Ct);

        var created = await _client.CreateMergeRequestAsync(sandbox.Project, new GitLabNewMergeRequest
        {
            SourceBranch = branch.Name,
            TargetBranch = "main",
            Title = $"Revert \"{sandbox.Truth.CulpritTitle}\"",
            Description = "Proposed by RagnarokOps.",
            Labels = "ragnarok::proposed",
            RemoveSourceBranch = true,
        }, draft: true, Ct);
        var fetched = await _client.GetMergeRequestAsync(sandbox.Project, created.Iid, Ct);
        var listed = await _client.ListMergeRequestsAsync(sandbox.Project, branch.Name, "opened", Ct).ToListAsync(Ct);
        var merged = await _client.ListMergeRequestsAsync(sandbox.Project, branch.Name, "merged", Ct).ToListAsync(Ct);

        Assert.Equal($"Draft: Revert \"{sandbox.Truth.CulpritTitle}\"", created.Title);
        Assert.True(created.Draft);
        Assert.Equal("opened", created.State);
        Assert.Equal(revert.Commit!.Id, created.Sha);
        Assert.Equal(1, created.ChangesCount);
        Assert.Equal(["ragnarok::proposed"], created.Labels);
        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal(branch.Name, fetched.SourceBranch);
        Assert.Equal("main", fetched.TargetBranch);
        Assert.True(fetched.Draft);
        Assert.Equal(created.Iid, Assert.Single(listed).Iid);
        Assert.Empty(merged);
    }

    [Fact]
    public async Task CreateMergeRequestAsync_SecondOpenForSameBranches_ThrowsConflict()
    {
        var branch = await _client.CreateBranchAsync(sandbox.Project, GitLabSandboxFixture.Unique("dup"), "main", Ct);
        var request = new GitLabNewMergeRequest { SourceBranch = branch.Name, TargetBranch = "production", Title = "Promote" };
        await _client.CreateMergeRequestAsync(sandbox.Project, request, draft: false, Ct);

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.CreateMergeRequestAsync(sandbox.Project, request, draft: false, Ct));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Contains("already exists", ex.GitLabMessage, StringComparison.Ordinal);
    }
}
