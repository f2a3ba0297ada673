using System.Net;
using System.Text.Json;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Functions.Tests.Hosting;

public sealed class RagnarokHostTests
{
    [Fact]
    public async Task Build_OnLoopback_ServesHealthUnderTheRoutePrefix()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.Combine("host.json"), """{ "version": "2.0", "extensions": { "http": { "routePrefix": "ops" } } }""");
        var configuration = HostConfiguration.Load(dir.Path, new Dictionary<string, string?> { ["GitLab:Token"] = "glpat-secret" });
        await using var app = RagnarokHost.Build(configuration, "http://127.0.0.1:0");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var response = await http.GetAsync(new Uri("/ops/health", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var missing = json.RootElement.GetProperty("notConfigured").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(missing, m => m.StartsWith("GitLab:BaseUrl", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, m => m.StartsWith("GitLab:Token", StringComparison.Ordinal));
        Assert.DoesNotContain("glpat-secret", body, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
