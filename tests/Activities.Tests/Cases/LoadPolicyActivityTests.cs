using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Activities.Tests.Cases;

[Collection(SandboxCollection.Name)]
public sealed class LoadPolicyActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_CheckoutPolicy_MapsGatesReplayEnvironmentAndTimeout()
    {
        var policy = await sandbox.RunAsync<LoadPolicyActivity, CaseRef, CasePolicy>(sandbox.Case);

        Assert.Empty(policy.Warnings);
        Assert.Equal(ActionGate.RequireApproval, policy.DraftMergeRequest.Mode);
        Assert.Equal(0.6, policy.DraftMergeRequest.MinConfidence);
        Assert.StartsWith("actions.draft_mr (.ragnarok.yaml line ", policy.DraftMergeRequest.Rule, StringComparison.Ordinal);
        Assert.Equal(ActionGate.Allow, policy.Replay.Mode);
        Assert.Equal("staging", policy.ReplayEnvironment);
        Assert.Equal(TimeSpan.FromHours(24), policy.ApprovalTimeout);
        Assert.Equal((ActionGate.RequireApproval, 0.8), (policy.Revert.Mode, policy.Revert.MinConfidence));
        Assert.StartsWith("actions.revert (.ragnarok.yaml line ", policy.Revert.Rule, StringComparison.Ordinal);
        Assert.Equal(0.5, policy.Replay.MinConfidence);
        Assert.Equal(40, policy.Approvers.MinAccessLevel);
        Assert.Equal(["carol"], policy.Approvers.Users);
        Assert.Equal("approval in .ragnarok.yaml", policy.Approvers.Rule);
    }

    [Fact]
    public async Task RunAsync_BrokenPolicyFile_FallsBackToDefaultsAndListsEveryError()
    {
        using var source = new TempDirectory("ragnarok-broken-policy");
        File.WriteAllText(source.Combine(".ragnarok.yaml"), "version: 1\nservices:\n  - name: checkout\n    paths: 12\nactions:\n  draft_mr: { mode: sometimes }\nunknown_key: true\n");
        File.WriteAllText(source.Combine("README.md"), "# broken\n");
        Git(source.Path, "init", "-q", "-b", "main");
        Git(source.Path, "add", "-A");
        Git(source.Path, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "Broken policy");
        using var data = new TempDirectory("ragnarok-broken-sandbox");
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = source.Path }, CancellationToken.None);
        await using var services = SandboxCase.CreateServices(server, data.Path, data.Combine("artifacts"));
        var project = server.GroundTruth!;
        var activity = new LoadPolicyActivity(new RepositoryReader(services.GetRequiredGitLab()), NullLogger<LoadPolicyActivity>.Instance);

        var policy = await activity.RunAsync(new FakeActivityContext("LoadPolicy", "t"), new CaseRef(project.ProjectId, project.ProjectPath, 1));

        Assert.True(policy.Warnings.Count >= 2, string.Join("\n", policy.Warnings));
        Assert.All(policy.Warnings, w => Assert.StartsWith(".ragnarok.yaml(", w, StringComparison.Ordinal));
        Assert.Contains(policy.Warnings, w => w.Contains("unknown_key", StringComparison.Ordinal));
        Assert.Equal(0.8, policy.DraftMergeRequest.MinConfidence);
        Assert.Equal("the default for actions.draft_mr", policy.DraftMergeRequest.Rule);
        Assert.Null(policy.ReplayEnvironment);
        Assert.Equal(CaseApprovers.Default, policy.Approvers);
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
