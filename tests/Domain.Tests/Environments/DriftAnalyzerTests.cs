using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class DriftAnalyzerTests
{
    private static readonly EnvironmentBranch Staging = new("staging", "staging", "staging", false);
    private static readonly EnvironmentBranch Production = new("production", "production", "production", true);
    private static readonly CommitRef Hotfix = new("abcdef1234567890", "Bump timeout on prod", "dave", null, null);

    private static readonly DriftRules Rules = new(DriftRules.DefaultSchedule,
    [
        new ExpectedDifference("deploy/*.env", [], "per-environment endpoints", 7),
        new ExpectedDifference("config/app.yaml", ["database.host", "logging.*"], null, 9),
    ]);

    [Fact]
    public void Analyze_ExpectedKeyAndUnexpectedKeyInOneFile_ReportsOnlyTheUnexpectedOne()
    {
        var file = new ChangedFile("config/app.yaml", "config/app.yaml", "changed", "@@ -1 +1 @@\n-timeout: 30\n+timeout: 5",
            "database:\n  host: db-staging\nlogging:\n  level: debug\ntimeout: 30\n",
            "database:\n  host: db-prod\nlogging:\n  level: warn\ntimeout: 5\n", Hotfix);

        var drift = DriftAnalyzer.Analyze(Staging, Production, "base", [file], Rules);

        var unexpected = Assert.Single(drift.Unexpected);
        Assert.Equal(("timeout", "key-changed", "30", "5"), (unexpected.Key, unexpected.Change, unexpected.BaseValue, unexpected.Value));
        Assert.Equal(Hotfix, unexpected.IntroducedBy);
        Assert.Contains("+timeout: 5", unexpected.Hunk, StringComparison.Ordinal);
        Assert.Equal(["database.host", "logging.level"], drift.Expected.Select(e => e.Key));
        Assert.Equal("keys database.host, logging.* of config/app.yaml are expected to differ (line 9)", drift.Expected[0].Reason);
    }

    [Fact]
    public void Analyze_WholeFileExpected_IsLeftOutWithItsReason()
    {
        var file = new ChangedFile("deploy/production.env", null, "changed", "@@", "A=1", "A=2", null);

        var drift = DriftAnalyzer.Analyze(Staging, Production, "base", [file], Rules);

        Assert.Empty(drift.Unexpected);
        Assert.Equal("per-environment endpoints", Assert.Single(drift.Expected).Reason);
    }

    [Fact]
    public void Analyze_CodeFile_IsUnexpectedAsAWholeFile()
    {
        var drift = DriftAnalyzer.Analyze(Staging, Production, "base", [new ChangedFile("src/Hotfix.cs", null, "added", "@@ +1 @@\n+x", null, "x", Hotfix)], Rules);

        var finding = Assert.Single(drift.Unexpected);
        Assert.Equal(("src/Hotfix.cs", null, "added"), (finding.Path, finding.Key, finding.Change));
    }

    [Fact]
    public void Analyze_OnlyFormattingChanged_IsNoDrift()
    {
        var file = new ChangedFile("config/other.json", null, "changed", "@@", "{\"a\":1}", "{\n  \"a\": 1\n}\n", null);

        var drift = DriftAnalyzer.Analyze(Staging, Production, "base", [file], Rules);

        Assert.Empty(drift.Unexpected);
        Assert.Empty(drift.Expected);
    }

    [Fact]
    public void Analyze_SecretKey_NeverShowsItsValue()
    {
        var file = new ChangedFile("config/db.yaml", null, "changed", "@@\n-password: hunter2\n+password: s3cr3t-value", "password: hunter2\n", "password: s3cr3t-value\n", null);

        var finding = Assert.Single(DriftAnalyzer.Analyze(Staging, Production, "base", [file], Rules).Unexpected);

        Assert.Equal("[REDACTED]", finding.Value);
        Assert.Equal("[REDACTED]", finding.BaseValue);
        Assert.DoesNotContain("s3cr3t-value", DriftIssue.Render(new DriftReport("p", "envsync.yaml", null, [DriftAnalyzer.Analyze(Staging, Production, "b", [file], Rules)], DateTimeOffset.UnixEpoch)), StringComparison.Ordinal);
    }
}
