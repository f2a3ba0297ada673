using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Orchestrations.Environments;
using RagnarokOps.Tests.Engine;

namespace RagnarokOps.Activities.Tests.Environments;

[Collection(EnvsyncSandboxCollection.Name)]
public sealed class EnvironmentRunnerTests(EnvsyncSandbox sandbox)
{
    private EnvironmentRunner Runner => sandbox.Services.GetRequiredService<EnvironmentRunner>();

    private IGitLabClient GitLab => sandbox.Services.GetRequiredService<IGitLabClient>();

    [Fact]
    public async Task DriftCheck_TwoRuns_KeepOneTrackingIssueUpdatedInPlace()
    {
        var first = await Runner.DriftCheckAsync(EnvsyncSandbox.Project, publish: true, CancellationToken.None);
        var second = await Runner.DriftCheckAsync(EnvsyncSandbox.Project, publish: true, CancellationToken.None);

        Assert.Equal(1, first.Report!.UnexpectedCount);
        Assert.Equal(first.Issue!.Iid, second.Issue!.Iid);
        Assert.False(second.Issue.Created);
        var tracking = await GitLab.ListIssuesAsync(EnvsyncSandbox.Project, new GitLabIssueQuery { Search = "ragnarok:envsync-drift" }, CancellationToken.None).ToListAsync();
        var issue = Assert.Single(tracking);
        Assert.StartsWith(DriftIssue.Marker, issue.Description, StringComparison.Ordinal);
        Assert.Contains("config/app.yaml: http.timeout_seconds changed (30 → 90)", issue.Description, StringComparison.Ordinal);
        Assert.Contains(DriftIssue.Label, issue.Labels);
    }

    [Fact]
    public async Task PublishDriftIssue_DriftGoneThenBack_ClosesAndReopensTheSameIssue()
    {
        var writes = sandbox.Services.GetRequiredService<EnvironmentWrites>();
        var drifted = (await Runner.DriftCheckAsync(EnvsyncSandbox.Project, publish: true, CancellationToken.None)).Issue!;
        var clean = new DriftReport(EnvsyncSandbox.Project, "envsync.yaml", null, [], DateTimeOffset.UnixEpoch);

        var closed = await writes.PublishDriftIssueAsync(clean, CancellationToken.None);
        var reopened = (await Runner.DriftCheckAsync(EnvsyncSandbox.Project, publish: true, CancellationToken.None)).Issue!;

        Assert.Equal((drifted.Iid, true), (closed.Iid, closed.Closed));
        Assert.Equal((drifted.Iid, false), (reopened.Iid, reopened.Closed));
        Assert.Equal("opened", (await GitLab.GetIssueAsync(EnvsyncSandbox.Project, drifted.Iid, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Promote_RedDevPipeline_IsRefusedAndOpensNothing()
    {
        var outcome = await Runner.PromoteAsync(EnvsyncSandbox.Project, "dev", CancellationToken.None);

        Assert.False(outcome.Allowed);
        Assert.Contains("the last pipeline of dev", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("is failed (failed: test)", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(await GitLab.ListMergeRequestsAsync(EnvsyncSandbox.Project, new GitLabMergeRequestQuery { SourceBranch = "dev", TargetBranch = "staging" }, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Promote_StagingTwice_OpensOneMergeRequestThenUpdatesIt()
    {
        var first = await Runner.PromoteAsync(EnvsyncSandbox.Project, "staging", CancellationToken.None);
        var second = await Runner.PromoteAsync(EnvsyncSandbox.Project, "staging", CancellationToken.None);

        Assert.True(first.Allowed, first.Reason);
        Assert.True(first.MergeRequest!.Created);
        Assert.False(second.MergeRequest!.Created);
        Assert.Equal(first.MergeRequest.Iid, second.MergeRequest.Iid);
        var mr = await GitLab.GetMergeRequestAsync(EnvsyncSandbox.Project, first.MergeRequest.Iid, CancellationToken.None);
        Assert.Equal(("staging", "production", "Promote staging → production"), (mr.SourceBranch, mr.TargetBranch, mr.Title));
        Assert.Contains("### Commits (2)", mr.Description, StringComparison.Ordinal);
        Assert.Contains("Add search endpoint", mr.Description, StringComparison.Ordinal);
        Assert.Contains("http.timeout_seconds changed (30 → 90)", mr.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllProjects_FromTheGroup_AnswersEachProject()
    {
        var projects = await Runner.ProjectsAsync(CancellationToken.None);
        var outcomes = await Runner.ForEachProjectAsync(projects, Runner.StatusAsync, CancellationToken.None);

        Assert.Equal(["platform/billing", "platform/inventory"], projects);
        Assert.True(outcomes[0].Report!.Environments.Count == 1 && outcomes[0].Report!.Notice is not null);
        Assert.Equal(3, outcomes[1].Report!.Environments.Count);
    }

    [Fact]
    public async Task AddEnvironmentTasks_RunsTheStatusOrchestrationOnTheRealActivities()
    {
        await using var engine = await EngineHost.StartAsync(r => r.AddEnvironmentTasks(), s => s.AddEnvironments(sandbox.Configuration));

        var result = await engine.RunAsync(EnvStatusOrchestration.Name, new ProjectRequest(EnvsyncSandbox.Project));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var report = result.ReadOutputAs<EnvStatusOutcome>()!.Report!;
        Assert.Equal("failed", report.Environments[0].Pipeline!.Status);
        Assert.Equal(2, report.Environments[0].Ahead);
    }
}
