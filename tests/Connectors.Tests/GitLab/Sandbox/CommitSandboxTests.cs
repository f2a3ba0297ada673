using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Commits, diffs, compare and multi-action commits through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class CommitSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task ListCommitsAsync_ByRef_NewestFirstAndIncludesCulprit()
    {
        var commits = await _client.ListCommitsAsync(sandbox.Project, new GitLabCommitQuery { RefName = "main" }, Ct).ToListAsync(Ct);
        var main = Assert.Single(await _client.ListBranchesAsync(sandbox.Project, "main", Ct).ToListAsync(Ct), b => b.Name == "main");

        Assert.True(commits.Count > 20, $"expected a few dozen commits, got {commits.Count}");
        Assert.Equal(main.Commit.Id, commits[0].Id);
        Assert.Equal("Initial checkout service", commits[^1].Title);
        Assert.Contains(commits, c => c.Id == sandbox.Truth.CulpritSha);
        Assert.Equal(commits.Count, commits.Select(c => c.Id).Distinct().Count());
        Assert.True(commits.Zip(commits.Skip(1)).All(p => p.First.CommittedDate >= p.Second.CommittedDate), "not newest first");
    }

    [Fact]
    public async Task ListCommitsAsync_ByPath_CulpritIsTheLatestChangeToTheFile()
    {
        var commits = await _client.ListCommitsAsync(sandbox.Project,
            new GitLabCommitQuery { RefName = "main", Path = sandbox.Truth.CulpritFile, WithStats = true }, Ct).ToListAsync(Ct);

        Assert.Equal(2, commits.Count);
        Assert.Equal(sandbox.Truth.CulpritSha, commits[0].Id);
        Assert.Equal("Initial checkout service", commits[1].Title);
        Assert.Equal(sandbox.Truth.CulpritTitle, commits[0].Title);
        Assert.Equal(new GitLabCommitStats(1, 1, 2), commits[0].Stats);
    }

    [Fact]
    public async Task ListCommitsAsync_SinceUntilAroundCulprit_ReturnsOnlyCulprit()
    {
        var culprit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);
        var at = culprit.CommittedDate!.Value;

        var window = await _client.ListCommitsAsync(sandbox.Project,
            new GitLabCommitQuery { RefName = "main", Since = at.AddMinutes(-1), Until = at.AddMinutes(1) }, Ct).ToListAsync(Ct);
        var beforeDeploy = await _client.ListCommitsAsync(sandbox.Project,
            new GitLabCommitQuery { RefName = "main", Since = sandbox.Truth.DeployedAt!.Value.AddHours(-4) }, Ct).ToListAsync(Ct);

        Assert.Equal([sandbox.Truth.CulpritSha!], window.Select(c => c.Id));
        Assert.Contains(beforeDeploy, c => c.Id == sandbox.Truth.CulpritSha);
        Assert.All(beforeDeploy, c => Assert.True(c.CommittedDate >= sandbox.Truth.DeployedAt.Value.AddHours(-4)));
        Assert.DoesNotContain(beforeDeploy, c => c.Title == "Initial checkout service");
    }

    [Fact]
    public async Task GetCommitAsync_Culprit_HasTitleAuthorStatsAndPipeline()
    {
        var commit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);

        Assert.Equal(sandbox.Truth.CulpritSha, commit.Id);
        Assert.Equal(sandbox.Truth.CulpritSha![..8], commit.ShortId);
        Assert.Equal(sandbox.Truth.CulpritTitle, commit.Title);
        Assert.Contains("null check is redundant", commit.Message, StringComparison.Ordinal);
        Assert.Equal("Dave Okafor", commit.AuthorName);
        Assert.Equal(new GitLabCommitStats(1, 1, 2), commit.Stats);
        Assert.Single(commit.ParentIds!);
        Assert.True(commit.AuthoredDate < sandbox.Truth.DeployedAt);
    }

    [Fact]
    public async Task GetCommitDiffAsync_Culprit_ReplacesTheNullSafeLine()
    {
        var diffs = await _client.GetCommitDiffAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct).ToListAsync(Ct);

        var diff = Assert.Single(diffs);
        Assert.Equal(sandbox.Truth.CulpritFile, diff.NewPath);
        Assert.Equal(sandbox.Truth.CulpritFile, diff.OldPath);
        Assert.False(diff.NewFile);
        Assert.Contains("-        var discountPercent = request.Cart.Coupon?.Percent ?? 0m;", diff.Diff, StringComparison.Ordinal);
        Assert.Contains("+        var discountPercent = request.Cart.Coupon!.Percent;", diff.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareAsync_PreviousToCurrentProductionDeployment_ContainsCulprit()
    {
        var deployments = await _client.ListDeploymentsAsync(sandbox.Project, new GitLabDeploymentQuery { Environment = "production" }, Ct).ToListAsync(Ct);
        var current = deployments[0];
        var previous = deployments[1];

        var compare = await _client.CompareAsync(sandbox.Project, previous.Sha, current.Sha, straight: false, Ct);
        var straight = await _client.CompareAsync(sandbox.Project, previous.Sha, current.Sha, straight: true, Ct);

        Assert.Equal(sandbox.Truth.DeploymentId, current.Id);
        Assert.Contains(compare.Commits, c => c.Id == sandbox.Truth.CulpritSha);
        Assert.Equal(current.Sha, compare.Commit?.Id);
        Assert.Equal(current.Sha, compare.Commits[^1].Id);
        Assert.Contains(compare.Diffs, d => d.NewPath == sandbox.Truth.CulpritFile && d.Diff.Contains("Coupon!.Percent", StringComparison.Ordinal));
        Assert.False(compare.CompareSameRef);
        Assert.Equal(compare.Commits.Select(c => c.Id), straight.Commits.Select(c => c.Id));
    }

    [Fact]
    public async Task CreateCommitAsync_SeveralActionsOnNewBranch_CommitsThemAllAtOnce()
    {
        var branch = GitLabSandboxFixture.Unique("fix");
        var readme = await _client.GetRawFileAsync(sandbox.Project, "README.md", "main", Ct);
        var main = await _client.GetCommitAsync(sandbox.Project, "main", Ct);

        var commit = await _client.CreateCommitAsync(sandbox.Project, new GitLabCommitRequest
        {
            Branch = branch,
            StartBranch = "main",
            CommitMessage = "Restore the coupon null check\n\nReverts the culprit's behaviour.",
            Actions =
            [
                new GitLabCommitAction { Action = GitLabCommitActionKind.Create, FilePath = "docs/incidents/checkout-500.md", Content = "# Checkout 500s\n" },
                new GitLabCommitAction { Action = GitLabCommitActionKind.Update, FilePath = "README.md", Content = readme + "\nSee docs/incidents.\n" },
                new GitLabCommitAction { Action = GitLabCommitActionKind.Delete, FilePath = "docs/dashboards.md" },
                new GitLabCommitAction { Action = GitLabCommitActionKind.Move, FilePath = "docs/design.md", PreviousPath = "docs/architecture.md" },
            ],
            AuthorName = "RagnarokOps",
            AuthorEmail = "ragnarok@shop.example",
        }, Ct);
        var diffs = await _client.GetCommitDiffAsync(sandbox.Project, commit.Id, Ct).ToListAsync(Ct);
        var created = await _client.GetRawFileAsync(sandbox.Project, "docs/incidents/checkout-500.md", branch, Ct);

        Assert.Equal("Restore the coupon null check", commit.Title);
        Assert.Equal("RagnarokOps", commit.AuthorName);
        Assert.Equal([main.Id], commit.ParentIds);
        Assert.Equal("# Checkout 500s\n", created);
        Assert.Contains(diffs, d => d.NewFile && d.NewPath == "docs/incidents/checkout-500.md");
        Assert.Contains(diffs, d => !d.NewFile && !d.DeletedFile && d.NewPath == "README.md");
        Assert.Contains(diffs, d => d.DeletedFile && d.OldPath == "docs/dashboards.md");
        Assert.Contains(diffs, d => d.RenamedFile && d.OldPath == "docs/architecture.md" && d.NewPath == "docs/design.md");
        Assert.Equal(4, diffs.Count);
    }

    [Fact]
    public async Task CreateCommitAsync_LastCommitIdOlderThanTheFile_ThrowsBadRequestAndCommitsNothing()
    {
        var branch = await _client.CreateBranchAsync(sandbox.Project, GitLabSandboxFixture.Unique("stale"), "main", Ct);
        var culprit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);
        GitLabCommitRequest Edit(string seen) => new()
        {
            Branch = branch.Name,
            CommitMessage = "Restore the null check",
            Actions = [new GitLabCommitAction { Action = GitLabCommitActionKind.Update, FilePath = sandbox.Truth.CulpritFile!, Content = "// fixed\n", LastCommitId = seen }],
        };

        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.CreateCommitAsync(sandbox.Project, Edit(culprit.ParentIds![0]), Ct));
        var unchanged = await _client.ListBranchesAsync(sandbox.Project, "^" + branch.Name + "$", Ct).SingleAsync(Ct);
        var committed = await _client.CreateCommitAsync(sandbox.Project, Edit(culprit.Id), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal($"The file has changed since you started editing it: {sandbox.Truth.CulpritFile}", ex.GitLabMessage);
        Assert.Equal(branch.Commit.Id, unchanged.Commit.Id);
        Assert.Equal([branch.Commit.Id], committed.ParentIds);
    }
}
