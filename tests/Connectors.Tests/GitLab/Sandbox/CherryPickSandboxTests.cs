using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Cherry-pick and revert (dry run, real, conflict, empty) through the client against the sandbox's git.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class CherryPickSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task RevertAsync_CulpritOnFreshBranch_DryRunThenRevertThenEmpty()
    {
        var branch = await NewBranchAsync("revert", "main");
        var culprit = sandbox.Truth.CulpritSha!;

        var dry = await _client.RevertAsync(sandbox.Project, culprit, branch.Name, dryRun: true, Ct);
        var unchanged = await _client.ListBranchesAsync(sandbox.Project, branch.Name, Ct).SingleAsync(Ct);
        var reverted = await _client.RevertAsync(sandbox.Project, culprit, branch.Name, dryRun: false, Ct);
        var file = await _client.GetRawFileAsync(sandbox.Project, sandbox.Truth.CulpritFile!, branch.Name, Ct);
        var again = await _client.RevertAsync(sandbox.Project, culprit, branch.Name, dryRun: false, Ct);

        Assert.Equal(GitLabCommitChangeStatus.DryRunSucceeded, dry.Status);
        Assert.Null(dry.Commit);
        Assert.Equal(branch.Commit.Id, unchanged.Commit.Id);
        Assert.Equal(GitLabCommitChangeStatus.Committed, reverted.Status);
        Assert.Equal([branch.Commit.Id], reverted.Commit!.ParentIds);
        Assert.Contains(sandbox.Truth.CulpritTitle!, reverted.Commit.Title, StringComparison.Ordinal);
        Assert.Contains("Coupon?.Percent ?? 0m", file, StringComparison.Ordinal);
        Assert.Equal(GitLabCommitChangeStatus.Refused, again.Status);
        Assert.True(again.IsEmpty, $"error_code {again.ErrorCode}");
        Assert.False(string.IsNullOrEmpty(again.Message));
    }

    [Fact]
    public async Task RevertAsync_LineChangedSince_RefusedAsConflictInDryRunAndForReal()
    {
        var branch = await NewBranchAsync("conflict", "main");
        var controller = await _client.GetRawFileAsync(sandbox.Project, sandbox.Truth.CulpritFile!, branch.Name, Ct);
        await _client.CreateCommitAsync(sandbox.Project, new GitLabCommitRequest
        {
            Branch = branch.Name,
            CommitMessage = "Read the discount from the pricing service",
            Actions =
            [
                new GitLabCommitAction
                {
                    Action = GitLabCommitActionKind.Update,
                    FilePath = sandbox.Truth.CulpritFile!,
                    Content = controller.Replace("request.Cart.Coupon!.Percent", "pricing.DiscountFor(request.Cart)", StringComparison.Ordinal),
                },
            ],
        }, Ct);

        var dry = await _client.RevertAsync(sandbox.Project, sandbox.Truth.CulpritSha!, branch.Name, dryRun: true, Ct);
        var real = await _client.RevertAsync(sandbox.Project, sandbox.Truth.CulpritSha!, branch.Name, dryRun: false, Ct);

        Assert.Equal(GitLabCommitChangeStatus.Refused, dry.Status);
        Assert.True(dry.IsConflict, $"error_code {dry.ErrorCode}");
        Assert.Equal(GitLabCommitChangeStatus.Refused, real.Status);
        Assert.True(real.IsConflict, $"error_code {real.ErrorCode}");
    }

    [Fact]
    public async Task CherryPickAsync_CulpritOntoItsParent_DryRunThenPickThenEmpty()
    {
        var culprit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);
        var branch = await NewBranchAsync("pick", culprit.ParentIds![0]);

        var dry = await _client.CherryPickAsync(sandbox.Project, culprit.Id, branch.Name, dryRun: true, Ct);
        var picked = await _client.CherryPickAsync(sandbox.Project, culprit.Id, branch.Name, dryRun: false, Ct);
        var diffs = await _client.GetCommitDiffAsync(sandbox.Project, picked.Commit!.Id, Ct).ToListAsync(Ct);
        var again = await _client.CherryPickAsync(sandbox.Project, culprit.Id, branch.Name, dryRun: false, Ct);

        Assert.Equal(GitLabCommitChangeStatus.DryRunSucceeded, dry.Status);
        Assert.Equal(GitLabCommitChangeStatus.Committed, picked.Status);
        Assert.Equal(culprit.Title, picked.Commit.Title);
        Assert.NotEqual(culprit.Id, picked.Commit.Id);
        Assert.Equal([branch.Commit.Id], picked.Commit.ParentIds);
        Assert.Equal(sandbox.Truth.CulpritFile, Assert.Single(diffs).NewPath);
        Assert.Equal(GitLabCommitChangeStatus.Refused, again.Status);
        Assert.True(again.IsEmpty, $"error_code {again.ErrorCode}");
    }

    [Fact]
    public async Task CherryPickAsync_DiscountLineRewrittenOnTarget_RefusedAsConflict()
    {
        var culprit = await _client.GetCommitAsync(sandbox.Project, sandbox.Truth.CulpritSha!, Ct);
        var branch = await NewBranchAsync("pick-conflict", culprit.ParentIds![0]);
        var controller = await _client.GetRawFileAsync(sandbox.Project, sandbox.Truth.CulpritFile!, branch.Name, Ct);
        await _client.CreateCommitAsync(sandbox.Project, new GitLabCommitRequest
        {
            Branch = branch.Name,
            CommitMessage = "Cap discounts at 50%",
            Actions =
            [
                new GitLabCommitAction
                {
                    Action = GitLabCommitActionKind.Update,
                    FilePath = sandbox.Truth.CulpritFile!,
                    Content = controller.Replace("request.Cart.Coupon?.Percent ?? 0m", "Math.Min(request.Cart.Coupon?.Percent ?? 0m, 50m)", StringComparison.Ordinal),
                },
            ],
        }, Ct);

        var dry = await _client.CherryPickAsync(sandbox.Project, culprit.Id, branch.Name, dryRun: true, Ct);
        var real = await _client.CherryPickAsync(sandbox.Project, culprit.Id, branch.Name, dryRun: false, Ct);

        Assert.True(dry.IsConflict, $"error_code {dry.ErrorCode}");
        Assert.Equal(GitLabCommitChangeStatus.Refused, real.Status);
        Assert.True(real.IsConflict, $"error_code {real.ErrorCode}");
        Assert.Null(real.Commit);
    }

    [Fact]
    public async Task CherryPickAsync_UnknownBranch_ThrowsNotFoundRatherThanRefusing()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() =>
            _client.CherryPickAsync(sandbox.Project, sandbox.Truth.CulpritSha!, GitLabSandboxFixture.Unique("missing"), dryRun: true, Ct));

        Assert.True(ex.IsNotFound);
        Assert.Null(ex.ErrorCode);
    }

    private Task<GitLabBranch> NewBranchAsync(string prefix, string fromRef) =>
        _client.CreateBranchAsync(sandbox.Project, GitLabSandboxFixture.Unique(prefix), fromRef, Ct);
}
