using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Sandbox.Tests;

/// <summary>Starting, stopping and restarting the sandbox over the same data folder.</summary>
public sealed class SandboxServerTests
{
    [Fact]
    public async Task StartAsync_RestartOverSeededData_KeepsDataAndDoesNotReseed()
    {
        using var data = new TempDirectory("ragnarok-restart");
        string culprit;
        await using (var first = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "checkout" }, CancellationToken.None))
        {
            culprit = first.GroundTruth!.CulpritSha!;
            using var http = SandboxFixture.CreateClient(first);
            using var created = await http.PostAsJsonAsync(new Uri("api/v4/projects/1/issues", UriKind.Relative), new { title = "Survives a restart" });
            Assert.Equal(201, (int)created.StatusCode);
        }

        await using var second = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "checkout" }, CancellationToken.None);
        Assert.Equal(culprit, second.GroundTruth!.CulpritSha);
        using var client = SandboxFixture.CreateClient(second);
        var issues = JsonNode.Parse(await client.GetStringAsync(new Uri("api/v4/projects/1/issues", UriKind.Relative)))!.AsArray();
        Assert.Equal("Survives a restart", issues.Single()!["title"]!.GetValue<string>());
        var projects = JsonNode.Parse(await client.GetStringAsync(new Uri("api/v4/projects", UriKind.Relative)))!.AsArray();
        Assert.Single(projects);
    }

    [Fact]
    public async Task StartAsync_NoSeed_EmptyAndNoGroundTruth()
    {
        using var data = new TempDirectory("ragnarok-empty");
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path }, CancellationToken.None);
        Assert.Null(server.GroundTruth);
        using var http = SandboxFixture.CreateClient(server);
        var user = JsonNode.Parse(await http.GetStringAsync(new Uri("api/v4/user", UriKind.Relative)))!;
        Assert.Equal("root", user["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_UnknownSeed_Throws()
    {
        using var data = new TempDirectory("ragnarok-unknown");
        await Assert.ThrowsAsync<ArgumentException>(() =>
            SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = data.Path, Seed = "no-such-scenario" }, CancellationToken.None));
    }
}
