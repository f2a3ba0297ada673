using System.Text.Json;
using RagnarokOps.Functions.Cli;
using RagnarokOps.Functions.Tests.Environments;

namespace RagnarokOps.Functions.Tests.Cli;

[Collection(EnvsyncHostCollection.Name)]
public sealed class EnvCommandTests(EnvsyncHost host)
{
    [Fact]
    public async Task Status_Table_ShowsEveryEnvironmentTheRedPipelineAndTheGap()
    {
        var (code, output, error) = await host.RunAsync("env", "status", "--project", "platform/inventory");

        Assert.True(code == 0, error);
        Assert.Contains("platform/inventory (envsync.yaml)", output, StringComparison.Ordinal);
        var dev = output.Split('\n').Single(l => l.StartsWith("dev ", StringComparison.Ordinal));
        Assert.Contains("failed", dev, StringComparison.Ordinal);
        Assert.Contains("test", dev, StringComparison.Ordinal);
        Assert.Contains("+2/-1", dev, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("production (protected)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_Json_CarriesPipelineDeploymentAndAge()
    {
        var (code, output, _) = await host.RunAsync("env", "status", "--project", "platform/inventory", "--json");

        Assert.Equal(0, code);
        var envs = JsonDocument.Parse(output).RootElement.GetProperty("report").GetProperty("environments");
        Assert.Equal("failed", envs[0].GetProperty("pipeline").GetProperty("status").GetString());
        Assert.Equal("test", envs[0].GetProperty("pipeline").GetProperty("failedJobs")[0].GetString());
        Assert.Equal(host.Server.GroundTruth!.CulpritSha, envs[2].GetProperty("deployment").GetProperty("sha").GetString());
        Assert.True(TimeSpan.Parse(envs[2].GetProperty("deploymentAge").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromHours(18));
    }

    [Fact]
    public async Task DriftCheck_NoIssue_ReportsTheUnexpectedKeyWithItsCommitAndExitsOne()
    {
        var (code, output, _) = await host.RunAsync("env", "drift-check", "--project", "platform/inventory", "--no-issue");

        Assert.Equal(EnvCommand.Findings, code);
        Assert.Contains("1 unexpected difference(s)", output, StringComparison.Ordinal);
        Assert.Contains($"config/app.yaml: http.timeout_seconds changed (30 → 90) — {host.Server.GroundTruth!.CulpritSha![..8]} Hotfix: raise HTTP timeout", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking issue", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_Dev_IsRefusedBecauseItsPipelineIsRed()
    {
        var (code, output, _) = await host.RunAsync("env", "promote", "--project", "platform/inventory", "--from", "dev");

        Assert.Equal(EnvCommand.Findings, code);
        Assert.Contains("platform/inventory: refused dev → staging: the last pipeline of dev", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllProjects_AnswersEachConfiguredProjectWithOneSummary()
    {
        var (code, output, error) = await host.RunAsync("env", "status", "--all-projects");

        Assert.True(code == 0, error);
        Assert.Contains("note: no envsync.yaml and no environments in .ragnarok.yaml: using branch main", output, StringComparison.Ordinal);
        Assert.EndsWith("2 project(s): 2 answered, 0 with findings, 0 not answered\n", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherProjectNorAll_IsBadInput()
    {
        var (code, _, error) = await host.RunAsync("env", "status");

        Assert.Equal(EnvCommand.BadInput, code);
        Assert.Contains("give either --project ID or --all-projects", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProject_IsNotAnsweredWithGitLabsReason()
    {
        var (code, output, _) = await host.RunAsync("env", "status", "--project", "platform/nothing");

        Assert.Equal(EnvCommand.BadInput, code);
        Assert.Contains("platform/nothing: not answered:\n  GitLab answered 404", output, StringComparison.Ordinal);
    }
}
