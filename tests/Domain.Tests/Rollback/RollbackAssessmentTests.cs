using RagnarokOps.Domain.Environments;
using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Domain.Tests.Rollback;

public sealed class RollbackAssessmentTests
{
    private static MigrationFinding Finding(RiskLevel severity, string check, int line = 1) =>
        new("0123456789abcdef", "db/m.sql", line, "sql", check, severity, "stmt", "why");

    [Fact]
    public void Assess_NoMigration_IsLowAndSaysSo()
    {
        var a = RollbackAssessment.Assess([], commits: 3, maxCommits: 50);
        Assert.Equal(RiskLevel.Low, a.Risk);
        Assert.Equal("low: no database migration among the 3 undone commit(s)", Assert.Single(a.Reasons));
    }

    [Fact]
    public void Assess_HighestFindingWins_ReasonsHighFirstWithFileLine()
    {
        var a = RollbackAssessment.Assess([Finding(RiskLevel.Medium, "rename", 4), Finding(RiskLevel.High, "drop-column", 9)], commits: 2, maxCommits: 50);
        Assert.Equal(RiskLevel.High, a.Risk);
        Assert.StartsWith("high: db/m.sql:9 (sql, drop-column, commit 01234567)", a.Reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("medium: db/m.sql:4", a.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_MoreCommitsThanThePolicy_RaisesLowToMedium()
    {
        var a = RollbackAssessment.Assess([], commits: 12, maxCommits: 10);
        Assert.Equal(RiskLevel.Medium, a.Risk);
        Assert.Contains(a.Reasons, r => r.Contains("more than rollback.max_commits (10)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "protected", RiskLevel.Low, true)]
    [InlineData(false, "protected", RiskLevel.Medium, false)]
    [InlineData(false, "protected", RiskLevel.High, true)]
    [InlineData(false, "never", RiskLevel.High, true)]
    [InlineData(true, "never", RiskLevel.Low, false)]
    [InlineData(false, "always", RiskLevel.Low, true)]
    public void ApprovalFor_ProtectedOrHighRisk_NeedsAPerson(bool isProtected, string mode, RiskLevel risk, bool needed)
    {
        var env = new EnvironmentBranch("production", "production", "production", isProtected);
        var assessment = new RollbackAssessment(risk, [], []);
        Assert.Equal(needed, RollbackRules.ApprovalFor(env, new RollbackPolicy(mode, 50), assessment).Needed);
    }

    [Fact]
    public void LastKnownGood_SkipsFailedRedAndSameCommitDeployments()
    {
        var current = new DeploymentRef(10, "cur", "success", null, "success");
        var list = new[]
        {
            current,
            new DeploymentRef(9, "cur", "success", null, "success"),
            new DeploymentRef(8, "bad", "failed", null, "failed"),
            new DeploymentRef(7, "red", "success", null, "failed"),
            new DeploymentRef(6, "good", "success", null, "success"),
            new DeploymentRef(5, "older", "success", null, "success"),
        };
        Assert.Equal("good", RollbackRules.LastKnownGood(list, current)!.Sha);
        Assert.Null(RollbackRules.LastKnownGood([current], current));
    }

    [Fact]
    public void BranchName_UsesEnvironmentAndEightCharacters() =>
        Assert.Equal("ragnarok/rollback-production-0123abcd", RollbackRules.BranchName("production", "0123abcd99999"));
}
