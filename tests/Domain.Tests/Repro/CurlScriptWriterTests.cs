using RagnarokOps.Domain.Repro;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Domain.Tests.Repro;

public sealed class CurlScriptWriterTests
{
    [Fact]
    public async Task Script_AgainstStaging_ExitsNonZeroWhileBrokenAndZeroOnceFixed()
    {
        using var dir = new TempDirectory();
        using var staging = new StagingStub(500);
        var request = ReproSamples.Checkout("/api/o'rders?q=a b", "{\"note\":\"it's $HOME `id`\"}");
        var script = ReproPlanner.Build(ReproSamples.Input(ReproSamples.PlainRepo(), request)).Script;
        var file = dir.Combine("repro.sh");
        await File.WriteAllTextAsync(file, script.Content);
        var environment = new Dictionary<string, string> { ["STAGING_URL"] = staging.Url, ["REPRO_X_API_KEY"] = "staging-key" };

        var (whileBroken, brokenOutput) = await ProcessRunner.RunAsync("sh", [file], environment);
        staging.Status = 201;
        var (onceFixed, fixedOutput) = await ProcessRunner.RunAsync("sh", [file], environment);

        Assert.Equal("repro/checkout_42.sh", script.Path);
        Assert.True(whileBroken != 0, brokenOutput);
        Assert.Contains("status 500, expected 201", brokenOutput, StringComparison.Ordinal);
        Assert.True(onceFixed == 0, fixedOutput);
        var (method, rawUrl, headers, body) = staging.Requests[^1];
        Assert.Equal("POST", method);
        Assert.Equal("/api/o'rders?q=a%20b", rawUrl);
        Assert.Equal("staging-key", headers["X-Api-Key"]);
        Assert.False(headers.ContainsKey("Authorization"));
        Assert.Equal("{\"note\":\"it's $HOME `id`\"}", body);
    }

    [Fact]
    public async Task Script_WithoutStagingUrl_RefusesToRun()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("repro.sh");
        await File.WriteAllTextAsync(file, ReproPlanner.Build(ReproSamples.Input(ReproSamples.PlainRepo())).Script.Content);

        var (exitCode, output) = await ProcessRunner.RunAsync("sh", [file], new Dictionary<string, string> { ["STAGING_URL"] = string.Empty });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("STAGING_URL must hold the staging base URL", output, StringComparison.Ordinal);
    }
}
