using RagnarokOps.Functions.Cli;
using RagnarokOps.Functions.Demo;
using RagnarokOps.Sandbox.Seeding;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Demo;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_ApproveWithSummary_ProposesTheRevertOfTheSeedsCulpritAndKeepsTheDataFolder()
    {
        using var dir = new TempDirectory();
        var data = dir.Combine("data");
        var summaryPath = dir.Combine("summary.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RagnarokCommandLine.InvokeAsync(["demo", "--approve", "--summary", summaryPath, "--data", data], output, error);

        Assert.True(exit == 0, $"exit {exit}: {error}\n{output}");
        var truth = GroundTruth.Load(Path.Combine(data, "gitlab"))!;
        var summary = DemoSummary.Read(summaryPath)!;
        Assert.Equal("Completed", summary.RuntimeStatus);
        Assert.Equal("hotfix-proposed", summary.Result);
        Assert.Equal(truth.CulpritSha, summary.TopHypothesis!.Sha);
        Assert.Equal("commit", summary.TopHypothesis.Kind);
        Assert.StartsWith("http://127.0.0.1:", summary.NoteUrl, StringComparison.Ordinal);
        Assert.Contains("/api/approvals/" + summary.InstanceId, summary.ApprovalUrl, StringComparison.Ordinal);
        Assert.NotNull(summary.MergeRequest!.Iid);
        Assert.StartsWith("ragnarok/hotfix-", summary.MergeRequest.SourceBranch, StringComparison.Ordinal);
        Assert.All(summary.Artifacts, a => Assert.True(File.Exists(a), a));
        Assert.Contains(summary.Artifacts, a => a.EndsWith("evidence-bundle.json", StringComparison.Ordinal));
        Assert.Contains("hotfix-proposed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Azurite (in memory)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(summary.Artifacts, a => a.EndsWith($"repro-checkout_escalation_{summary.InstanceId.Split('-')[^1]}.sh", StringComparison.Ordinal));
        Assert.DoesNotContain("missing: replay", output.ToString(), StringComparison.Ordinal);

        // The replay reproduced the failure on the staging copy, and the saved repro script fails against it too.
        var report = await File.ReadAllTextAsync(summary.Artifacts.Single(a => a.EndsWith("triage-report.md", StringComparison.Ordinal)));
        Assert.Contains("**Replay:** reproduced in staging: POST /api/checkout answered 500, expected 200", report, StringComparison.Ordinal);
        var script = Assert.Single(summary.RegressionRuns!);
        Assert.Equal(1, script.ExitCode);
        Assert.True(script.FailedAsExpected);
        Assert.Equal("status 500, expected 200", script.Output);
    }
}
