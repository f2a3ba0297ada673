using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Tests.Hotfix;

[Collection(SandboxCollection.Name)]
public sealed class CreateDraftMergeRequestActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_Twice_OpensOneDraftWithTheRevertAndTheTest()
    {
        var caseFile = await sandbox.CaseFileAsync();
        var diagnosis = await sandbox.DiagnosisAsync();
        var repro = await sandbox.ReproAsync();
        var approval = new ApprovalDecision(true, $"revert:{sandbox.Truth.CulpritSha}", "carol", null, DateTimeOffset.UtcNow);
        var request = new DraftMergeRequestRequest(caseFile, diagnosis.Top!, repro, approval);

        var first = await sandbox.RunAsync<CreateDraftMergeRequestActivity, DraftMergeRequestRequest, MergeRequestResult>(request);
        var second = await sandbox.RunAsync<CreateDraftMergeRequestActivity, DraftMergeRequestRequest, MergeRequestResult>(request);

        Assert.Null(first.Problem);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Iid, second.Iid);
        var branch = CreateDraftMergeRequestActivity.BranchName(sandbox.Case.IssueIid);
        Assert.Equal(branch, first.SourceBranch);

        var mergeRequests = new List<GitLabMergeRequest>();
        await foreach (var mr in sandbox.GitLab.ListMergeRequestsAsync(sandbox.Case.ProjectId, branch, null, CancellationToken.None))
        {
            mergeRequests.Add(mr);
        }

        var created = Assert.Single(mergeRequests);
        Assert.True(created.Draft);
        Assert.StartsWith("Draft:", created.Title, StringComparison.Ordinal);
        Assert.Contains($"#{sandbox.Case.IssueIid}", created.Description, StringComparison.Ordinal);
        Assert.Equal("production", created.TargetBranch);

        var branches = new List<string>();
        await foreach (var b in sandbox.GitLab.ListBranchesAsync(sandbox.Case.ProjectId, "ragnarok/hotfix", CancellationToken.None))
        {
            branches.Add(b.Name);
        }

        Assert.Equal([branch], branches);
        var compare = await sandbox.GitLab.CompareAsync(sandbox.Case.ProjectId, "production", branch, straight: false, CancellationToken.None);
        Assert.Equal(2, compare.Commits.Count);
        Assert.Contains(compare.Commits, c => c.Message?.Contains($"This reverts commit {sandbox.Truth.CulpritSha}", StringComparison.Ordinal) == true);
        var controller = await sandbox.GitLab.GetRawFileAsync(sandbox.Case.ProjectId, sandbox.Truth.CulpritFile!, branch, CancellationToken.None);
        Assert.DoesNotContain("Coupon!.Percent", controller, StringComparison.Ordinal);
        var test = await sandbox.GitLab.GetRawFileAsync(sandbox.Case.ProjectId, repro.TestPath!, branch, CancellationToken.None);
        Assert.Equal(repro.TestContent, test);
    }
}
