using RagnarokOps.Activities.Repro;

namespace RagnarokOps.Activities.Tests.Repro;

[Collection(SandboxCollection.Name)]
public sealed class ReplayInStagingActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_Production_IsRefusedWithTheReason()
    {
        var request = new ReplayRequest(await sandbox.CaseFileAsync(), await sandbox.ReproAsync(), "production");

        var result = await sandbox.RunAsync<ReplayInStagingActivity, ReplayRequest, ReplayResult>(request);

        Assert.False(result.Ran);
        Assert.Equal("replay", result.Missing?.Source);
        Assert.Contains("protected", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TheSandboxStagingCopy_ReproducesTheProductionFailure()
    {
        var request = new ReplayRequest(await sandbox.CaseFileAsync(), await sandbox.ReproAsync(), "staging");

        var result = await sandbox.RunAsync<ReplayInStagingActivity, ReplayRequest, ReplayResult>(request);

        Assert.True(result.Ran);
        Assert.True(result.Reproduced, result.Summary);
        Assert.Null(result.Missing);
        Assert.Equal("reproduced in staging: POST /api/checkout answered 500, expected 200", result.Summary);
    }

    [Fact]
    public void Judge_ADifferentFailureThanProduction_IsNotReproduced()
    {
        var target = new ReplayTarget("POST", "/api/checkout", null, null, 200, 500, null);

        var different = ReplayInStagingActivity.Judge("staging", target, 400);
        var same = ReplayInStagingActivity.Judge("staging", target, 500);
        var healthy = ReplayInStagingActivity.Judge("staging", target, 200);

        Assert.False(different.Reproduced);
        Assert.Contains("while production answered 500 — a different failure", different.Summary, StringComparison.Ordinal);
        Assert.True(same.Reproduced);
        Assert.False(healthy.Reproduced);
        Assert.StartsWith("not reproduced in staging: POST /api/checkout answered 200", healthy.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DryRun_RecordsWhatItWouldSendToStaging()
    {
        var request = new ReplayRequest(await sandbox.CaseFileAsync(), await sandbox.ReproAsync(), "staging");
        var activity = new ReplayInStagingActivity(
            new Activities.Cases.RepositoryReader(sandbox.GitLab),
            new NoHttp(),
            Microsoft.Extensions.Options.Options.Create(new ReplayOptions { DryRun = true }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReplayInStagingActivity>.Instance);

        var result = await activity.RunAsync(new FakeActivityContext("ReplayInStaging", sandbox.Case.InstanceId), request);

        Assert.False(result.Ran);
        Assert.Null(result.Missing);
        Assert.StartsWith($"dry-run: would send POST {sandbox.Server.StagingUrl!.ToString().TrimEnd('/')}/api/checkout", result.Summary, StringComparison.Ordinal);
    }

    /// <summary>A dry run must not even create a client.</summary>
    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("a dry run sent a request");
    }
}
