using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Functions.Cli;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Pipelines;

/// <summary><c>ragnarok env doctor</c> against the sandbox's pipelines seed, no host.</summary>
public sealed class EnvDoctorCommandTests
{
    [Fact]
    public async Task EnvDoctor_Json_SaysEnvironmentForPaymentsAndCodeForLedger()
    {
        using var dir = new TempDirectory();
        await using var gitlab = await SandboxServer.StartAsync(
            new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = dir.Combine("sandbox"), Seed = "pipelines" }, CancellationToken.None);
        Directory.CreateDirectory(dir.Combine("root"));
        File.Copy(Path.Combine(RepoPaths.Root, "host.json"), dir.Combine("root", "host.json"));
        await File.WriteAllTextAsync(dir.Combine("root", "local.settings.json"), $$"""
            { "IsEncrypted": false, "Values": { "GitLab__BaseUrl": "{{gitlab.BaseUrl}}", "GitLab__Token": "{{gitlab.Token}}" } }
            """);
        using var api = new HttpClient { BaseAddress = new Uri(gitlab.BaseUrl, "api/v4/") };
        api.DefaultRequestHeaders.Add("PRIVATE-TOKEN", gitlab.Token);
        var payments = await PipelineTriageTests.ProjectIdAsync(api, "shop%2Fpayments");
        var ledger = await PipelineTriageTests.ProjectIdAsync(api, "shop%2Fledger");
        var (stagingPipeline, _) = await PipelineTriageTests.FailRunningJobAsync(api, payments, "staging");
        await PipelineTriageTests.FailRunningJobAsync(api, ledger, "staging");

        var (code, output, error) = await RunAsync(dir.Combine("root"), "env", "doctor", "--project", "shop/payments", "--pipeline", stagingPipeline.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(code == EnvCommand.Findings, error + output);
        var json = JsonNode.Parse(output)!;
        var verdict = json["verdicts"]!.AsArray().Single()!;
        Assert.Equal("environment", verdict["cause"]!.GetValue<string>());
        Assert.Contains("payments.rounding_mode", verdict["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        (code, output, error) = await RunAsync(dir.Combine("root"), "env", "doctor", "--project", "shop/ledger", "--json");
        Assert.True(code == EnvCommand.Findings, error + output);
        Assert.Equal("code", JsonNode.Parse(output)!["verdicts"]!.AsArray().Single()!["cause"]!.GetValue<string>());

        (code, _, error) = await RunAsync(dir.Combine("root"), "env", "doctor", "--pipeline", "3");
        Assert.Equal(EnvCommand.BadInput, code);
        Assert.Contains("--project", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RagnarokCommandLine.InvokeAsync([.. args, "--root", root], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
