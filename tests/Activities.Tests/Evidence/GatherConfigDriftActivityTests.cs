using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Tests.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Tests.Evidence;

/// <summary>Config drift as escalation evidence, on the envsync seed: production's hand-made timeout change, 20 hours old.</summary>
[Collection(EnvsyncSandboxCollection.Name)]
public sealed class GatherConfigDriftActivityTests(EnvsyncSandbox sandbox)
{
    [Fact]
    public async Task ProductionCase_WindowHoldingTheChange_GivesTheDriftedKeyWithBothValuesAndItsCommit()
    {
        var result = await RunAsync(EnvsyncSandbox.Project, "production", TimeSpan.FromHours(24));

        Assert.Null(result.Missing);
        var drift = Assert.Single(result.Items, d => d.Key == "http.timeout_seconds");
        Assert.Equal("production", drift.Environment);
        Assert.Equal(("30", "90"), (drift.OldValue, drift.NewValue));
        Assert.NotNull(drift.WebUrl);
    }

    [Fact]
    public async Task ProductionCase_ChangeBeforeTheWindow_GivesNothingAndNoMissingReason()
    {
        var result = await RunAsync(EnvsyncSandbox.Project, "production", TimeSpan.FromHours(2));

        Assert.Empty(result.Items);
        Assert.Null(result.Missing);
    }

    [Fact]
    public async Task ProjectWithoutTopology_SaysWhyThereIsNoDrift()
    {
        var result = await RunAsync("platform/billing", "production", TimeSpan.FromHours(24));

        Assert.Empty(result.Items);
        Assert.StartsWith("no config drift: fewer than two environments to compare", result.Missing!.Reason, StringComparison.Ordinal);
    }

    private async Task<SourceResult<ConfigDriftEvidence>> RunAsync(string project, string environment, TimeSpan lookBack)
    {
        var info = await sandbox.Services.GetRequiredService<IGitLabClient>().GetProjectAsync(project, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var caseFile = new CaseFile(new CaseRef(info.Id, info.PathWithNamespace, 1), "Timeouts", "inventory", environment, new TimeWindow(now - lookBack, now), "fp", []);
        var activity = new GatherConfigDriftActivity(sandbox.Services.GetRequiredService<EnvironmentGitLab>(), NullLogger<GatherConfigDriftActivity>.Instance);
        return await activity.RunAsync(null!, new GatherRequest(caseFile));
    }
}
