using System.Text.Json;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Functions.Tests.CherryPick;

/// <summary><c>ragnarok env cherry-pick</c> against the cherrypick sandbox: the three tiers, idempotent, the target never written.</summary>
public sealed class CherryPickCommandTests(CherryPickHost sandbox) : IClassFixture<CherryPickHost>
{
    [Fact]
    public async Task CherryPick_RuleOnlyCommit_OpensOneMergeRequestFromItsBranch_AndARerunOpensNothing()
    {
        var sha = await sandbox.DevCommitAsync("Bump to 1.1");
        var stagingBefore = (await sandbox.GitLab.GetBranchAsync(CherryPickHost.Project, "staging", CancellationToken.None)).Commit.Id;

        var (code, output, error) = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging", "--commit", sha, "--json");
        var again = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging", "--commit", sha, "--json");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(CherryPickStatus.Opened, json.RootElement.GetProperty("status").GetString());
        Assert.Equal("rule", json.RootElement.GetProperty("tier").GetString());
        var branch = $"ragnarok/cherry-pick-staging-{sha[..8]}";
        Assert.Equal(branch, json.RootElement.GetProperty("branch").GetString());
        Assert.Equal(0, again.Code);
        Assert.Contains("\"status\": \"exists\"", again.Output, StringComparison.Ordinal);
        var mr = Assert.Single(await sandbox.MergeRequestsFromAsync(branch));
        Assert.Equal("staging", mr.TargetBranch);
        Assert.Equal(stagingBefore, (await sandbox.GitLab.GetBranchAsync(CherryPickHost.Project, "staging", CancellationToken.None)).Commit.Id);
        var changelog = await sandbox.GitLab.GetRawFileAsync(CherryPickHost.Project, "CHANGELOG.md", branch, CancellationToken.None);
        Assert.Contains("1.0.1", changelog, StringComparison.Ordinal);
        Assert.Contains("1.1", changelog, StringComparison.Ordinal);
        Assert.Contains("\"1.0.1\"", await sandbox.GitLab.GetRawFileAsync(CherryPickHost.Project, "package-lock.json", branch, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPick_MergeRequest_PicksItsCommitsOldestFirst_IntoOneMergeRequest()
    {
        var gitlab = sandbox.GitLab;
        await gitlab.CreateBranchAsync(CherryPickHost.Project, "feature/runbook", "staging", CancellationToken.None);
        var first = await gitlab.CreateCommitAsync(CherryPickHost.Project, new GitLabCommitRequest
        {
            Branch = "feature/runbook", CommitMessage = "Add the runbook",
            Actions = [new GitLabCommitAction { Action = GitLabCommitActionKind.Create, FilePath = "docs/runbook.md", Content = "# Runbook\n\n1. Page the owner.\n" }],
        }, CancellationToken.None);
        var second = await gitlab.CreateCommitAsync(CherryPickHost.Project, new GitLabCommitRequest
        {
            Branch = "feature/runbook", CommitMessage = "Runbook: roll back first",
            Actions = [new GitLabCommitAction { Action = GitLabCommitActionKind.Update, FilePath = "docs/runbook.md", Content = "# Runbook\n\n1. Page the owner.\n2. Roll back first.\n" }],
        }, CancellationToken.None);
        var mr = await gitlab.CreateMergeRequestAsync(CherryPickHost.Project, new GitLabNewMergeRequest { SourceBranch = "feature/runbook", TargetBranch = "staging", Title = "Runbook" }, false, CancellationToken.None);

        // GitLab lists a merge request's commits newest first.
        var listed = new List<GitLabCommit>();
        await foreach (var commit in gitlab.ListMergeRequestCommitsAsync(CherryPickHost.Project, mr.Iid, CancellationToken.None))
        {
            listed.Add(commit);
        }

        Assert.Equal([second.Id, first.Id], listed.Select(c => c.Id));
        Assert.Equal("Runbook: roll back first", listed[0].Title);

        var (code, output, error) = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "dev", "--mr", mr.Iid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(CherryPickStatus.Opened, json.RootElement.GetProperty("status").GetString());
        var branch = $"ragnarok/cherry-pick-dev-{second.Id[..8]}";
        Assert.Equal(branch, json.RootElement.GetProperty("branch").GetString());
        Assert.Equal("dev", Assert.Single(await sandbox.MergeRequestsFromAsync(branch)).TargetBranch);
        Assert.Contains("2. Roll back first.", await gitlab.GetRawFileAsync(CherryPickHost.Project, "docs/runbook.md", branch, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPick_MergeRequestAndCommits_IsBadInput_AnUnknownMergeRequestIsNamed()
    {
        var both = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "dev", "--mr", "1", "--commit", "abc");
        var unknown = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "dev", "--mr", "999");

        Assert.Equal((2, "ragnarok env cherry-pick: give either --commit SHA... or --mr IID, not both"), (both.Code, both.Error.Trim()));
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no merge request !999 in platform/picker", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPick_ProposableConflict_WaitsWithoutApprove_OpensWithApprove()
    {
        var sha = await sandbox.DevCommitAsync("Note the audit on pricing");
        var branch = $"ragnarok/cherry-pick-staging-{sha[..8]}";

        var waiting = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging", "--commit", sha);
        Assert.Equal(1, waiting.Code);
        Assert.Contains("awaiting-approval (tier 2)", waiting.Output, StringComparison.Ordinal);
        Assert.Empty(await sandbox.MergeRequestsFromAsync(branch));

        var approved = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging", "--commit", sha, "--approve");
        Assert.True(approved.Code == 0, approved.Error + approved.Output);
        Assert.Single(await sandbox.MergeRequestsFromAsync(branch));
        Assert.Contains("// audit: PRICE-42", await sandbox.GitLab.GetRawFileAsync(CherryPickHost.Project, "src/Pricing.cs", branch, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPick_OverlappingChange_ReportsTheConflictOnOneIssue_NoMergeRequest()
    {
        var sha = await sandbox.DevCommitAsync("Raise the order limit to 50");
        var branch = $"ragnarok/cherry-pick-staging-{sha[..8]}";

        var first = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging", "--commit", sha);
        var second = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging", "--commit", sha, "--approve");

        Assert.Equal(1, first.Code);
        Assert.Contains("needs-person (tier 3)", first.Output, StringComparison.Ordinal);
        Assert.Contains("needs-person", second.Output, StringComparison.Ordinal);
        Assert.Empty(await sandbox.MergeRequestsFromAsync(branch));
        var report = Assert.Single(await sandbox.ReportsAsync(), i => i.Description!.Contains(branch, StringComparison.Ordinal));
        Assert.Contains("MaxOrders = 20", report.Description, StringComparison.Ordinal);
        Assert.Contains("MaxOrders = 50", report.Description, StringComparison.Ordinal);
        Assert.Contains("Staging hotfixes", report.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CherryPick_DryRunAndBadInput_WriteNothingAndSayWhy()
    {
        var sha = await sandbox.DevCommitAsync("Raise the order limit to 50");

        var dry = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "production", "--commit", sha, "--dry-run");
        var unknown = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "qa", "--commit", sha);
        var none = await sandbox.RunAsync("env", "cherry-pick", "--project", CherryPickHost.Project, "--to", "staging");

        Assert.Equal(0, dry.Code);
        Assert.Contains("dry-run", dry.Output, StringComparison.Ordinal);
        Assert.Empty(await sandbox.MergeRequestsFromAsync($"ragnarok/cherry-pick-production-{sha[..8]}"));
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no environment 'qa'", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, none.Code);
        Assert.Contains("--commit", none.Error, StringComparison.Ordinal);
    }
}
