using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Rollback;
using RagnarokOps.Orchestrations.Rollback;
using RagnarokOps.Tests.Engine;

namespace RagnarokOps.Activities.Tests.Rollback;

public sealed class RollbackRunnerTests(RollbackSandbox sandbox) : IClassFixture<RollbackSandbox>
{
    private const string Project = RollbackSandbox.Project;

    private IGitLabClient GitLab => sandbox.Services.GetRequiredService<IGitLabClient>();

    private RollbackRunner Runner => sandbox.Services.GetRequiredService<RollbackRunner>();

    private async Task<string> ShaOfAsync(string title) =>
        (await GitLab.ListCommitsAsync(Project, new GitLabCommitQuery { RefName = "production" }, CancellationToken.None).ToListAsync()).Single(c => c.Title == title).Id;

    private async Task<List<GitLabMergeRequest>> RollbackMergeRequestsAsync() =>
        [.. (await GitLab.ListMergeRequestsAsync(Project, new GitLabMergeRequestQuery { TargetBranch = "production", State = "all" }, CancellationToken.None).ToListAsync())
            .Where(m => m.SourceBranch.StartsWith("ragnarok/rollback-production-", StringComparison.Ordinal))];

    [Fact]
    public async Task Plan_Production_FindsTheKnownGoodDeploymentAndTheDroppedColumn()
    {
        var plan = await sandbox.Services.GetRequiredService<RollbackGitLab>().PlanAsync(Project, "production", CancellationToken.None);

        Assert.Null(plan.Refusal);
        Assert.Equal(await ShaOfAsync("Inventory service with its environments"), plan.Target!.Sha);
        Assert.Equal(await ShaOfAsync("Hotfix: raise HTTP timeout during the outage"), plan.Current!.Sha);
        Assert.Equal("success", plan.Target.PipelineStatus);
        Assert.Equal(5, plan.Commits.Count);
        Assert.Equal("Hotfix: raise HTTP timeout during the outage", plan.Commits[0].Title);
        Assert.Equal(RiskLevel.High, plan.Assessment.Risk);
        var drop = Assert.Single(plan.Assessment.Findings);
        Assert.Equal(("db/migrations/0002_drop_legacy_sku.sql:2", "drop-column", await ShaOfAsync("Drop the legacy SKU column")), (drop.Where, drop.Check, drop.Commit));
        Assert.Contains("db/migrations/0002_drop_legacy_sku.sql:2", plan.Assessment.Reasons[0], StringComparison.Ordinal);
        Assert.True(plan.NeedsApproval);
        Assert.Equal("the risk is high", plan.ApprovalReason);
        Assert.Equal($"ragnarok/rollback-production-{plan.Target.Sha[..8]}", plan.RevertBranch);
    }

    [Fact]
    public async Task Run_DryRun_PlansAndWritesNothing()
    {
        var before = await RollbackMergeRequestsAsync();
        var outcome = await Runner.RunAsync(new RollbackRequest(Project, "production", DryRun: true), CancellationToken.None);

        Assert.Equal(RollbackOutcome.DryRun, outcome.State);
        Assert.Contains("risk high", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await RollbackMergeRequestsAsync()).Count);
        Assert.DoesNotContain(await GitLab.ListBranchesAsync(Project, "ragnarok/rollback-", CancellationToken.None).ToListAsync(),
            b => b.Name == outcome.Plan!.RevertBranch && before.Count == 0);
    }

    [Fact]
    public async Task Run_StagingWithOneDeployment_IsRefusedWithTheReason()
    {
        var outcome = await Runner.RunAsync(new RollbackRequest(Project, "staging"), CancellationToken.None);

        Assert.Equal(RollbackOutcome.Refused, outcome.State);
        Assert.StartsWith("no rollback: no successful deployment with a green pipeline before #", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownEnvironment_NamesTheKnownOnes()
    {
        var outcome = await Runner.RunAsync(new RollbackRequest(Project, "qa"), CancellationToken.None);

        Assert.Equal("no rollback: 'qa' is not an environment of envsync.yaml (dev, staging, production)", outcome.Summary);
    }

    [Fact]
    public async Task Orchestration_HighRisk_WaitsForApprovalThenOpensOneMergeRequest_ARerunOpensNoSecond()
    {
        await using var engine = await EngineHost.StartAsync(r => r.AddRollbackTasks(), s => s.AddRollback(sandbox.Configuration));
        var id = RollbackRequest.InstanceId(1, "production", "approval-test");
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(RollbackOrchestration.Name, new RollbackRequest(Project, "production"), new StartOrchestrationOptions(id));

        using var cts = new CancellationTokenSource(EngineHost.Timeout);
        OrchestrationMetadata? waiting;
        do
        {
            await Task.Delay(100, CancellationToken.None);
            // Without getInputsAndOutputs the gRPC client leaves SerializedCustomStatus null, so "waiting for approval" is never seen.
            waiting = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true, CancellationToken.None);
            Assert.False(cts.IsCancellationRequested, $"{id} is {waiting?.RuntimeStatus} with status {waiting?.SerializedCustomStatus} after {EngineHost.Timeout}");
        }
        while (waiting?.SerializedCustomStatus?.Contains("waiting for approval", StringComparison.Ordinal) != true && !(waiting?.IsCompleted ?? false));

        Assert.False(waiting.IsCompleted, $"{id} ended {waiting.RuntimeStatus} before waiting for approval: {waiting.FailureDetails?.ErrorMessage} {waiting.SerializedOutput}");

        Assert.Contains("the risk is high", waiting.SerializedCustomStatus, StringComparison.Ordinal);
        Assert.Empty(await RollbackMergeRequestsAsync());

        // A decision for another action on the same instance does not count.
        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "merge-request:x", "mallory", null, DateTimeOffset.UnixEpoch), cts.Token);
        await engine.Client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, RollbackRules.Action, "alice", null, DateTimeOffset.UnixEpoch), cts.Token);
        var done = await engine.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<RollbackOutcome>()!;
        Assert.Equal(RollbackOutcome.Opened, outcome.State);
        Assert.True(outcome.MergeRequest!.Created);
        Assert.Equal(5, outcome.MergeRequest.Reverted);
        Assert.Contains("approved by alice", outcome.Summary, StringComparison.Ordinal);
        var mr = Assert.Single(await RollbackMergeRequestsAsync());
        Assert.Contains(RollbackRules.Marker("production", outcome.Plan!.Target!.Sha), mr.Description, StringComparison.Ordinal);
        Assert.Contains("db/migrations/0002_drop_legacy_sku.sql:2", mr.Description, StringComparison.Ordinal);
        // The revert branch undoes the migration file; production itself is untouched.
        Assert.Null(await GitLab.FindRawFileAsync(Project, "db/migrations/0002_drop_legacy_sku.sql", mr.SourceBranch, CancellationToken.None));
        Assert.NotNull(await GitLab.FindRawFileAsync(Project, "db/migrations/0002_drop_legacy_sku.sql", "production", CancellationToken.None));

        var again = await engine.RunAsync(RollbackOrchestration.Name, new RollbackRequest(Project, "production", ApprovedBy: "bob"), RollbackRequest.InstanceId(1, "production", "rerun"));
        var second = again.ReadOutputAs<RollbackOutcome>()!;
        Assert.Equal((RollbackOutcome.Opened, false, mr.Iid), (second.State, second.MergeRequest!.Created, second.MergeRequest.Iid));
        Assert.Single(await RollbackMergeRequestsAsync());
    }
}
