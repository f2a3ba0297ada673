using System.Net;
using System.Net.Sockets;
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
    public async Task RunAsync_StagingWithNothingListening_IsMissingAsUnreachable()
    {
        // The checkout policy's staging replay URL is http://127.0.0.1:5080; the test needs that port free.
        Assert.True(PortIsFree(5080), "port 5080 is in use on this machine");
        var request = new ReplayRequest(await sandbox.CaseFileAsync(), await sandbox.ReproAsync(), "staging");

        var result = await sandbox.RunAsync<ReplayInStagingActivity, ReplayRequest, ReplayResult>(request);

        Assert.False(result.Ran);
        Assert.Contains("unreachable", result.Summary, StringComparison.Ordinal);
        Assert.Equal("replay", result.Missing?.Source);
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
        Assert.StartsWith("dry-run: would send POST http://127.0.0.1:5080/api/checkout", result.Summary, StringComparison.Ordinal);
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A dry run must not even create a client.</summary>
    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("a dry run sent a request");
    }
}
