using Microsoft.DurableTask.Client;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Orchestrations.Environments;
using RagnarokOps.Tests.Engine;

namespace RagnarokOps.Orchestrations.Tests.Environments;

public sealed class EnvironmentOrchestrationsTests
{
    [Fact]
    public async Task EnvStatus_ReadsEveryBranchAndLink_AndBuildsTheReportInChainOrder()
    {
        var fake = new FakeEnvironments();
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var result = await engine.RunAsync(EnvStatusOrchestration.Name, new ProjectRequest("platform/inventory"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var report = result.ReadOutputAs<EnvStatusOutcome>()!.Report!;
        Assert.Equal(["dev", "staging", "production"], report.Environments.Select(e => e.Environment));
        Assert.Equal((2, 1), (report.Environments[0].Ahead!.Value, report.Environments[0].Behind!.Value));
        Assert.Null(report.Environments[2].Ahead);
        Assert.Equal(3, fake.Count(ActivityNames.ReadEnvironmentBranch));
        Assert.Equal(2, fake.Count(ActivityNames.CompareEnvironments));
    }

    [Fact]
    public async Task EnvStatus_InvalidTopology_ReturnsTheErrorsAndReadsNothingElse()
    {
        var fake = new FakeEnvironments { TopologyErrors = ["envsync.yaml(3,5): environments[0].branch: is required"] };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(EnvStatusOrchestration.Name, new ProjectRequest("p"))).ReadOutputAs<EnvStatusOutcome>()!;

        Assert.Null(outcome.Report);
        Assert.Equal(["envsync.yaml(3,5): environments[0].branch: is required"], outcome.Errors);
        Assert.Equal(0, fake.Count(ActivityNames.ReadEnvironmentBranch));
    }

    [Fact]
    public async Task DriftCheck_Publish_ChecksEachLinkAndPublishesOneReport()
    {
        var fake = new FakeEnvironments();
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(DriftCheckOrchestration.Name, new DriftCheckRequest("platform/inventory", Publish: true))).ReadOutputAs<DriftCheckOutcome>()!;

        Assert.Equal(1, outcome.Report!.UnexpectedCount);
        Assert.Equal(5, outcome.Issue!.Iid);
        Assert.Equal(1, fake.Count(ActivityNames.PublishDriftIssue));
        Assert.Equal(["staging", "production"], fake.Published!.Links.Select(l => l.To));
    }

    [Fact]
    public async Task DriftCheck_WithoutPublish_WritesNothing()
    {
        var fake = new FakeEnvironments();
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(DriftCheckOrchestration.Name, new DriftCheckRequest("platform/inventory", Publish: false))).ReadOutputAs<DriftCheckOutcome>()!;

        Assert.Null(outcome.Issue);
        Assert.Equal(0, fake.Count(ActivityNames.PublishDriftIssue));
    }

    [Fact]
    public async Task Promote_RedSourcePipeline_RefusesWithTheReasonAndOpensNoMergeRequest()
    {
        var fake = new FakeEnvironments { DevPipeline = "failed" };
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(PromoteOrchestration.Name, new PromoteRequest("platform/inventory", null))).ReadOutputAs<PromoteOutcome>()!;

        Assert.False(outcome.Allowed);
        Assert.Equal(("dev", "staging"), (outcome.From, outcome.To));
        Assert.Equal("the last pipeline of dev, #7, is failed (failed: test): fix it before promoting to staging", outcome.Reason);
        Assert.Equal(0, fake.Count(ActivityNames.OpenPromotion));
    }

    [Fact]
    public async Task Promote_GreenSource_OpensTheMergeRequestToTheNextEnvironment()
    {
        var fake = new FakeEnvironments();
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(PromoteOrchestration.Name, new PromoteRequest("platform/inventory", "staging"))).ReadOutputAs<PromoteOutcome>()!;

        Assert.True(outcome.Allowed, outcome.Reason);
        Assert.Equal(("staging", "production"), (outcome.From, outcome.To));
        Assert.Equal(9, outcome.MergeRequest!.Iid);
        Assert.Equal(["OpenPromotion:staging"], fake.Calls.Where(c => c.StartsWith(ActivityNames.OpenPromotion, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Promote_FromTheEndOfTheChain_Refuses()
    {
        var fake = new FakeEnvironments();
        await using var engine = await EngineHost.StartAsync(fake.Register);

        var outcome = (await engine.RunAsync(PromoteOrchestration.Name, new PromoteRequest("platform/inventory", "production"))).ReadOutputAs<PromoteOutcome>()!;

        Assert.False(outcome.Allowed);
        Assert.Equal("production is the end of the promotion chain (dev → staging → production)", outcome.Reason);
        Assert.Equal(0, fake.Count(ActivityNames.ReadEnvironmentBranch));
    }
}
