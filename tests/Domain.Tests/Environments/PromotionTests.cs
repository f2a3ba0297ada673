using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class PromotionTests
{
    private static readonly EnvironmentBranch Dev = new("dev", "dev", "dev", false);
    private static readonly EnvironmentBranch Staging = new("staging", "staging", "staging", false);
    private static readonly CommitRef Head = new("1111111122222222", "Add search", "alice", null, null);

    private static BranchState State(string status, string sha = "1111111122222222", params string[] failed) =>
        new("dev", "dev", Head, new PipelineSummary(7, status, sha, "http://x/p/7", null, failed), null, null);

    [Fact]
    public void Decide_RedPipeline_RefusesNamingTheFailedJobs()
    {
        var decision = Promotion.Decide(Dev, Staging, State("failed", failed: "test"), 3);

        Assert.False(decision.Allowed);
        Assert.Equal("the last pipeline of dev, #7, is failed (failed: test): fix it before promoting to staging", decision.Reason);
    }

    [Fact]
    public void Decide_GreenPipelineOnHead_Allows()
    {
        var decision = Promotion.Decide(Dev, Staging, State("success"), 3);

        Assert.True(decision.Allowed, decision.Reason);
    }

    [Theory]
    [InlineData("running", "1111111122222222", 3, "is running, not yet green")]
    [InlineData("success", "9999999922222222", 3, "has no pipeline yet")]
    [InlineData("success", "1111111122222222", 0, "nothing to promote")]
    public void Decide_NotReady_RefusesWithTheReason(string status, string sha, int commits, string reason)
    {
        var decision = Promotion.Decide(Dev, Staging, State(status, sha), commits);

        Assert.False(decision.Allowed);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoPipeline_Refuses()
    {
        var decision = Promotion.Decide(Dev, Staging, new BranchState("dev", "dev", Head, null, null, null), 1);

        Assert.Equal("dev (dev) has no pipeline: promotion needs a green one", decision.Reason);
    }

    [Fact]
    public void Describe_ListsCommitsPipelineAndDrift()
    {
        var drift = new LinkDrift("dev", "staging", "dev", "staging", "b",
            [new DriftFinding("config/app.yaml", "feature.search", "key-added", null, "on", "", null)], []);

        var text = Promotion.Describe(Dev, Staging, State("success"), [Head], drift);

        Assert.StartsWith(Promotion.Marker("dev", "staging"), text, StringComparison.Ordinal);
        Assert.Contains("Source pipeline: [#7](http://x/p/7) **success** on 11111111", text, StringComparison.Ordinal);
        Assert.Contains("### Commits (1)\n\n- 11111111 Add search (alice)", text, StringComparison.Ordinal);
        Assert.Contains("- config/app.yaml: feature.search added (= on)", text, StringComparison.Ordinal);
    }
}
