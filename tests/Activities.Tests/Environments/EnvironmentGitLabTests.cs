using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Tests.Environments;

[Collection(EnvsyncSandboxCollection.Name)]
public sealed class EnvironmentGitLabTests(EnvsyncSandbox sandbox)
{
    private EnvironmentGitLab Reader => sandbox.Services.GetRequiredService<EnvironmentGitLab>();

    [Fact]
    public async Task LoadTopology_ReadsEnvsyncYamlFromTheDefaultBranch()
    {
        var load = await Reader.LoadTopologyAsync(EnvsyncSandbox.Project, CancellationToken.None);

        Assert.Empty(load.Errors);
        Assert.Equal("envsync.yaml", load.Topology!.Source);
        Assert.Equal(["dev", "staging", "production"], load.Topology.Promotion);
        Assert.Equal("development", load.Topology.Find("dev")!.GitLabEnvironment);
    }

    [Fact]
    public async Task LoadTopology_ProjectWithoutOne_UsesTheDefaultsAndSaysSo()
    {
        var load = await Reader.LoadTopologyAsync("platform/billing", CancellationToken.None);

        Assert.True(load.Topology!.IsDefault);
        Assert.Equal("main", load.Topology.Environments[0].Branch);
        Assert.StartsWith("no envsync.yaml and no environments in .ragnarok.yaml: using branch main", load.Topology.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBranch_Dev_HasARedPipelineNamingTheFailedJob()
    {
        var topology = (await Reader.LoadTopologyAsync(EnvsyncSandbox.Project, CancellationToken.None)).Topology!;

        var dev = await Reader.ReadBranchAsync(EnvsyncSandbox.Project, topology.Find("dev")!, CancellationToken.None);
        var production = await Reader.ReadBranchAsync(EnvsyncSandbox.Project, topology.Find("production")!, CancellationToken.None);

        Assert.Equal("failed", dev.Pipeline!.Status);
        Assert.Equal(["test"], dev.Pipeline.FailedJobs);
        Assert.Equal(dev.Head!.Sha, dev.Pipeline.Sha);
        Assert.NotNull(dev.Deployment);
        Assert.Equal("success", production.Pipeline!.Status);
        Assert.Equal(sandbox.Server.GroundTruth!.CulpritSha, production.Head!.Sha);
        Assert.Equal(production.Head.Sha, production.Deployment!.Sha);
        Assert.Null(production.Problem);
    }

    [Fact]
    public async Task ReadBranch_MissingBranch_SaysSo()
    {
        var state = await Reader.ReadBranchAsync(EnvsyncSandbox.Project, new EnvironmentBranch("qa", "qa", "qa", false), CancellationToken.None);

        Assert.Null(state.Head);
        Assert.Equal("branch qa not found", state.Problem);
    }

    [Fact]
    public async Task Compare_DevAndStaging_CountsCommitsBothWays()
    {
        var topology = (await Reader.LoadTopologyAsync(EnvsyncSandbox.Project, CancellationToken.None)).Topology!;

        var gap = await Reader.CompareAsync(EnvsyncSandbox.Project, topology.Find("dev")!, topology.Find("staging")!, CancellationToken.None);

        Assert.Equal((2, 1), (gap.Ahead, gap.Behind));
    }

    [Fact]
    public async Task ReadDrift_Production_FindsTheHandMadeTimeoutAndLeavesOutTheExpectedOnes()
    {
        var topology = (await Reader.LoadTopologyAsync(EnvsyncSandbox.Project, CancellationToken.None)).Topology!;

        var drift = await Reader.ReadDriftAsync(EnvsyncSandbox.Project, topology.Find("staging")!, topology.Find("production")!, topology.Drift, CancellationToken.None);

        var finding = Assert.Single(drift.Unexpected);
        Assert.Equal(("config/app.yaml", "http.timeout_seconds", "30", "90"), (finding.Path, finding.Key, finding.BaseValue, finding.Value));
        Assert.Equal(sandbox.Server.GroundTruth!.CulpritSha, finding.IntroducedBy!.Sha);
        Assert.Contains("+  timeout_seconds: 90", finding.Hunk, StringComparison.Ordinal);
        Assert.Equal(["config/app.yaml:database.host", "config/app.yaml:logging.level", "deploy/production.env:"],
            drift.Expected.Select(e => $"{e.Path}:{e.Key}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadDrift_Staging_OnlyExpectedDifferences()
    {
        var topology = (await Reader.LoadTopologyAsync(EnvsyncSandbox.Project, CancellationToken.None)).Topology!;

        var drift = await Reader.ReadDriftAsync(EnvsyncSandbox.Project, topology.Find("dev")!, topology.Find("staging")!, topology.Drift, CancellationToken.None);

        Assert.Empty(drift.Unexpected);
        Assert.Equal(2, drift.Expected.Count);
    }
}
