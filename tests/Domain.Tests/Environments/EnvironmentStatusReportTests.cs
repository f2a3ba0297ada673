using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class EnvironmentStatusReportTests
{
    [Fact]
    public void Build_OrdersByChainAndAttachesGapsAgesAndProblems()
    {
        var topology = TopologyParser.Parse(TopologyParserTests.Full).GetOrThrow();
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var head = new CommitRef("aaaaaaaabbbbbbbb", "t", null, null, null);
        BranchState[] states =
        [
            new("production", "production", head, null, new DeploymentSummary(3, head.Sha, "success", now.AddHours(-26), null), null),
            new("dev", "dev", head, new PipelineSummary(9, "failed", head.Sha, null, now, ["test"]), null, "no deployment to dev"),
        ];
        ChainGap[] gaps = [new("dev", "staging", 4, 1), new("staging", "production", 0, 0, "compare failed: 500")];

        var report = EnvironmentStatusReport.Build("shop/envsync", topology, states, gaps, now);

        Assert.Equal(["dev", "staging", "production"], report.Environments.Select(e => e.Environment));
        Assert.Equal((4, 1), (report.Environments[0].Ahead!.Value, report.Environments[0].Behind!.Value));
        Assert.Equal(["not read", "compare failed: 500"], report.Environments[1].Problems);
        Assert.Null(report.Environments[1].Ahead);
        Assert.Equal(TimeSpan.FromHours(26), report.Environments[2].DeploymentAge);

        var table = StatusTable.Render(report);
        Assert.Contains("#9 failed", table, StringComparison.Ordinal);
        Assert.Contains("+4/-1", table, StringComparison.Ordinal);
        Assert.Contains("1d 2h", table, StringComparison.Ordinal);
        Assert.Contains("dev: no deployment to dev", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90, "1h 30m")]
    [InlineData(5, "5m")]
    [InlineData(60 * 24 * 3 + 60, "3d 1h")]
    public void Age_IsShort(int minutes, string expected) => Assert.Equal(expected, StatusTable.Age(TimeSpan.FromMinutes(minutes)));
}
