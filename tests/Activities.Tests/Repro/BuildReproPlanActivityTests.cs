using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Connectors.Artifacts;

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

    [Fact]
    public async Task RunAsync_CheckoutLogs_SendsTheLoggedCartAndSavesTheReproScriptAsAnArtifact()
    {
        var repro = await sandbox.ReproAsync();

        Assert.Equal("application/json", repro.Request!.ContentType);
        Assert.Contains("\"coupon\":null", repro.Request.Body, StringComparison.Ordinal);
        Assert.Equal($"repro/checkout_escalation_{sandbox.Case.IssueIid}.sh", repro.ScriptPath);
        Assert.Equal($"repro-checkout_escalation_{sandbox.Case.IssueIid}.sh", repro.ScriptArtifact);
        var artifact = await sandbox.Services.GetRequiredService<IArtifactStore>().GetAsync(sandbox.Case.InstanceId, repro.ScriptArtifact!, CancellationToken.None);
        var saved = System.Text.Encoding.UTF8.GetString(artifact!.Content.Span);
        Assert.Equal(repro.ScriptContent, saved);
        Assert.StartsWith("#!/usr/bin/env sh", saved, StringComparison.Ordinal);
        Assert.Contains("--data-binary", saved, StringComparison.Ordinal);
    }
}
