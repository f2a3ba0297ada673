namespace RagnarokOps.Activities.Tests.Repro;

[Collection(SandboxCollection.Name)]
public sealed class BuildReproPlanActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_CheckoutLogs_WritesAnXunitRegressionTestForTheFailingRequest()
    {
        var repro = await sandbox.ReproAsync();

        Assert.Null(repro.Missing);
        Assert.NotNull(repro.Request);
        Assert.Equal("POST", repro.Request.Method);
        Assert.StartsWith("/api/checkout", repro.Request.Path, StringComparison.Ordinal);
        Assert.Equal(500, repro.Request.ActualStatus);
        Assert.Equal("XUnit", repro.Framework);
        Assert.NotNull(repro.TestPath);
        Assert.StartsWith("tests/", repro.TestPath, StringComparison.Ordinal);
        Assert.Contains("STAGING_URL", repro.TestContent, StringComparison.Ordinal);
        Assert.Contains(sandbox.Case.InstanceId, repro.TestContent, StringComparison.Ordinal);
        Assert.Contains("/api/checkout", repro.PlanMarkdown, StringComparison.Ordinal);
    }
}
