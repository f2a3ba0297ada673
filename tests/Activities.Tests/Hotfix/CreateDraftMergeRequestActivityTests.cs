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
        Assert.Contains("/assign @alice @dave", created.Description, StringComparison.Ordinal);

        var branches = new List<string>();
        await foreach (var b in sandbox.GitLab.ListBranchesAsync(sandbox.Case.ProjectId, branch, CancellationToken.None))
        {
            branches.Add(b.Name);
        }

        // Other cases' hotfix branches may exist; this case made exactly one.
        Assert.Equal([branch], branches.Where(b => b == branch || b.StartsWith(branch + "-", StringComparison.Ordinal)));
        var compare = await sandbox.GitLab.CompareAsync(sandbox.Case.ProjectId, "production", branch, straight: false, CancellationToken.None);
        Assert.Equal(2, compare.Commits.Count);
        Assert.Contains(compare.Commits, c => c.Message?.Contains($"This reverts commit {sandbox.Truth.CulpritSha}", StringComparison.Ordinal) == true);
        var controller = await sandbox.GitLab.GetRawFileAsync(sandbox.Case.ProjectId, sandbox.Truth.CulpritFile!, branch, CancellationToken.None);
        Assert.DoesNotContain("Coupon!.Percent", controller, StringComparison.Ordinal);
        var test = await sandbox.GitLab.GetRawFileAsync(sandbox.Case.ProjectId, repro.TestPath!, branch, CancellationToken.None);
        Assert.Equal(repro.TestContent, test);
        var script = await sandbox.GitLab.GetRawFileAsync(sandbox.Case.ProjectId, repro.ScriptPath!, branch, CancellationToken.None);
        Assert.Equal(repro.ScriptContent, script);
        Assert.Contains(compare.Commits, c => c.Message?.StartsWith("Add a regression test and repro script", StringComparison.Ordinal) == true);
        Assert.Contains($"Repro script: `{repro.ScriptPath}`", created.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RevertConflicts_OpensNoMergeRequestAndSaysWhy()
    {
        var gitlab = sandbox.GitLab;
        var issue = await gitlab.CreateIssueAsync(sandbox.Case.ProjectId, new GitLabNewIssue { Title = "Checkout fails in staging too" }, CancellationToken.None);
        var caseRef = sandbox.Case with { IssueIid = issue.Iid };
        var file = sandbox.Truth.CulpritFile!;
        var controller = await gitlab.GetRawFileAsync(caseRef.ProjectId, file, "staging", CancellationToken.None);
        await gitlab.CreateCommitAsync(caseRef.ProjectId, new GitLabCommitRequest
        {
            Branch = "staging",
            CommitMessage = "Rework the discount line on staging",
            Actions = [new GitLabCommitAction { Action = GitLabCommitActionKind.Update, FilePath = file, Content = controller.Replace("Coupon!.Percent", "Coupon!.Percent * 1m", StringComparison.Ordinal) }],
        }, CancellationToken.None);
        var caseFile = (await sandbox.CaseFileAsync()) with { Case = caseRef, Environment = "staging" };
        var request = new DraftMergeRequestRequest(caseFile, (await sandbox.DiagnosisAsync()).Top!, await sandbox.ReproAsync(), null);

        var result = await sandbox.RunAsync<CreateDraftMergeRequestActivity, DraftMergeRequestRequest, MergeRequestResult>(request);

        Assert.Null(result.Iid);
        Assert.False(result.Created);
        Assert.Contains("conflict", result.Problem, StringComparison.Ordinal);
        var branch = CreateDraftMergeRequestActivity.BranchName(issue.Iid);
        await foreach (var mr in gitlab.ListMergeRequestsAsync(caseRef.ProjectId, branch, null, CancellationToken.None))
        {
            Assert.Fail($"no merge request expected, found !{mr.Iid}");
        }
    }
}
