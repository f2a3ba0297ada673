using System.Diagnostics;
using System.Text.Json.Nodes;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Sandbox.Tests.Seeding;

/// <summary><c>--seed PATH</c> imports a local repository and its scenario.json without code.</summary>
public sealed class ImportScenarioTests
{
    [Fact]
    public async Task Seed_LocalRepositoryWithScenario_ImportsHistoryDeploymentsAndFlags()
    {
        using var source = new TempDirectory("ragnarok-import-src");
        using var data = new TempDirectory("ragnarok-import-data");
        Git(source.Path, "init", "-q", "-b", "main");
        File.WriteAllText(source.Combine("app.txt"), "v1\n");
        Git(source.Path, "add", "app.txt");
        Git(source.Path, "commit", "-q", "-m", "First");
        File.WriteAllText(source.Combine("app.txt"), "v2\n");
        Git(source.Path, "commit", "-q", "-am", "Break it");
        File.WriteAllText(source.Combine("service.log"), "{\"level\":\"Error\"}\n");
        File.WriteAllText(source.Combine("scenario.json"), new JsonObject
        {
            ["project_path"] = "acme/billing",
            ["culprit_sha"] = "HEAD",
            ["logs"] = "service.log",
            ["issue"] = new JsonObject { ["title"] = "Billing broken", ["description"] = "500s" },
            ["deployments"] = new JsonArray(new JsonObject { ["environment"] = "production", ["sha"] = "HEAD", ["at"] = "2026-01-02T10:00:00Z" }),
            ["flags"] = new JsonArray(new JsonObject { ["name"] = "fast_invoices", ["active"] = true }),
            ["pipelines"] = new JsonArray(new JsonObject { ["sha"] = "HEAD", ["jobs"] = new JsonArray(new JsonObject { ["name"] = "test", ["status"] = "failed", ["trace"] = "boom" }) }),
        }.ToJsonString());

        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = source.Path }, CancellationToken.None);
        using var http = SandboxFixture.CreateClient(server);
        var project = "api/v4/projects/acme%2Fbilling";
        var commits = JsonNode.Parse(await http.GetStringAsync(new Uri(project + "/repository/commits", UriKind.Relative)))!.AsArray();
        Assert.Equal(2, commits.Count);
        Assert.Equal(commits[0]!["id"]!.GetValue<string>(), server.GroundTruth!.CulpritSha);
        var deployments = JsonNode.Parse(await http.GetStringAsync(new Uri(project + "/deployments?environment=production", UriKind.Relative)))!.AsArray();
        Assert.Equal(server.GroundTruth.CulpritSha, deployments.Single()!["sha"]!.GetValue<string>());
        var flags = JsonNode.Parse(await http.GetStringAsync(new Uri(project + "/feature_flags", UriKind.Relative)))!.AsArray();
        Assert.Equal("fast_invoices", flags.Single()!["name"]!.GetValue<string>());
        Assert.Equal("Billing broken", server.GroundTruth.IssueTitle);
        Assert.True(File.Exists(server.GroundTruth.LogFile));
    }

    private static void Git(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        info.Environment["GIT_AUTHOR_NAME"] = info.Environment["GIT_COMMITTER_NAME"] = "Test";
        info.Environment["GIT_AUTHOR_EMAIL"] = info.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
