using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Tests.Engine;
using RagnarokOps.Functions.Tests.LocalEngine;
using RagnarokOps.Orchestrations.CherryPick;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.CherryPick;

/// <summary>CherryPickOrchestration on the local engine (Azurite) against the cherrypick sandbox.</summary>
public sealed class CherryPickOrchestrationTests(CherryPickHost sandbox) : IClassFixture<CherryPickHost>
{
    [Fact]
    public async Task Run_ThreeTiers_Tier1Opens_Tier2WaitsForApproval_Tier3Reports_ReRunOpensNothingTwice()
    {
        using var dir = new TempDirectory();
        using var host = await LocalHosts.StartAsync(dir.Path, TestAzurite.HostJson(TestAzurite.NewHubName()), r => r.AddCherryPickTasks(), sandbox.Settings, (s, c) =>
        {
            s.AddGitLabClient(c.Configuration);
            s.AddCherryPick(c.Configuration);
        });
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var rule = await sandbox.DevCommitAsync("Bump to 1.1");
        var proposal = await sandbox.DevCommitAsync("Note the audit on pricing");
        var manual = await sandbox.DevCommitAsync("Raise the order limit to 50");
        var stagingBefore = (await sandbox.GitLab.GetBranchAsync(CherryPickHost.Project, "staging", CancellationToken.None)).Commit.Id;

        var opened = await RunAsync(client, new CherryPickRequest(CherryPickHost.Project, "staging", [rule]));
        Assert.Equal(CherryPickStatus.Opened, opened.Status);
        var rerun = await RunAsync(client, new CherryPickRequest(CherryPickHost.Project, "staging", [rule]), suffix: "-again");
        Assert.Equal(CherryPickStatus.Exists, rerun.Status);
        Assert.Single(await sandbox.MergeRequestsFromAsync(opened.Branch!));

        var id = CherryPickOrchestration.InstanceId(CherryPickHost.Project, "staging", proposal);
        Assert.Equal($"cherry-pick-platform+picker-staging-{proposal[..8]}", id);
        await client.ScheduleNewOrchestrationInstanceAsync(CherryPickOrchestration.Name, new CherryPickRequest(CherryPickHost.Project, "staging", [proposal]), new StartOrchestrationOptions(id));
        await WaitForStatusAsync(client, id, CherryPickStatus.AwaitingApproval);
        var branch = $"ragnarok/cherry-pick-staging-{proposal[..8]}";
        Assert.Empty(await sandbox.MergeRequestsFromAsync(branch));
        Assert.Single(await sandbox.ReportsAsync(), i => i.Description!.Contains(branch, StringComparison.Ordinal));
        await client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, "some-other-action", "mallory", null, DateTimeOffset.UtcNow));
        await client.RaiseEventAsync(id, ApprovalDecision.EventName, new ApprovalDecision(true, CherryPickOrchestration.Action, "alice", null, DateTimeOffset.UtcNow));
        var approved = await CompletedAsync(client, id);
        Assert.Equal(CherryPickStatus.Opened, approved.Status);
        Assert.Contains("approved by alice", (await sandbox.GitLab.GetMergeRequestAsync(CherryPickHost.Project, approved.MergeRequest!.Iid, CancellationToken.None)).Description, StringComparison.Ordinal);

        var flagged = await RunAsync(client, new CherryPickRequest(CherryPickHost.Project, "staging", [manual]));
        Assert.Equal(CherryPickStatus.NeedsPerson, flagged.Status);
        Assert.Null(flagged.MergeRequest);
        Assert.Empty(await sandbox.MergeRequestsFromAsync(flagged.Branch!));
        Assert.NotNull(flagged.Report);

        // Protected production and staging are only ever the target of merge requests, never written.
        var toProduction = await RunAsync(client, new CherryPickRequest(CherryPickHost.Project, "production", [manual]));
        Assert.Equal(CherryPickStatus.Opened, toProduction.Status);
        Assert.Equal(stagingBefore, (await sandbox.GitLab.GetBranchAsync(CherryPickHost.Project, "staging", CancellationToken.None)).Commit.Id);
        var production = await sandbox.GitLab.GetBranchAsync(CherryPickHost.Project, "production", CancellationToken.None);
        Assert.Equal("Picker service", production.Commit.Title);
        await host.StopAsync();
    }

    private static async Task<CherryPickOutcome> RunAsync(DurableTaskClient client, CherryPickRequest request, string suffix = "")
    {
        var id = CherryPickOrchestration.InstanceId(request.Project, request.To, request.Commits[^1]) + suffix;
        await client.ScheduleNewOrchestrationInstanceAsync(CherryPickOrchestration.Name, request, new StartOrchestrationOptions(id));
        return await CompletedAsync(client, id);
    }

    private static async Task<CherryPickOutcome> CompletedAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage} {done.SerializedOutput}");
        return done.ReadOutputAs<CherryPickOutcome>()!;
    }

    private static async Task WaitForStatusAsync(DurableTaskClient client, string id, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var state = await client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token);
            if (state?.SerializedCustomStatus?.Contains(status, StringComparison.Ordinal) == true)
            {
                return;
            }

            Assert.False(state?.IsCompleted == true, $"{id} finished before waiting: {state?.SerializedOutput}");
            await Task.Delay(200, timeout.Token);
        }
    }
}
