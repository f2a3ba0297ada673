using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Environments;
using RagnarokOps.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.Functions.Tests.Environments;

[Collection(EnvsyncHostCollection.Name)]
public sealed class EnvEndpointsTests(EnvsyncHost host) : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var configuration = HostConfiguration.Load(host.Root);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddEnvironments(configuration.Configuration);
        _app = builder.Build();
        _app.MapEnvironmentEndpoints(configuration);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Fact]
    public async Task Topology_ByEncodedPath_GivesTheChain()
    {
        var json = await GetJsonAsync("/api/env/platform%2Finventory/topology", HttpStatusCode.OK);

        Assert.Equal(["dev", "staging", "production"], json.GetProperty("topology").GetProperty("promotion").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Status_GivesTheRedDevPipeline()
    {
        var json = await GetJsonAsync("/api/env/platform%2Finventory/status", HttpStatusCode.OK);

        Assert.Equal("failed", json.GetProperty("report").GetProperty("environments")[0].GetProperty("pipeline").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Drift_ReportsAndNeverWritesTheTrackingIssue()
    {
        var json = await GetJsonAsync("/api/env/platform%2Finventory/drift", HttpStatusCode.OK);

        Assert.Equal(1, json.GetProperty("report").GetProperty("unexpectedCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("issue").ValueKind);
        var gitlab = _app.Services.GetRequiredService<IGitLabClient>();
        var tracking = 0;
        await foreach (var _ in gitlab.ListIssuesAsync("platform/inventory", new GitLabIssueQuery { Search = "ragnarok:envsync-drift" }, CancellationToken.None))
        {
            tracking++;
        }

        Assert.Equal(0, tracking);
    }

    [Fact]
    public async Task UnknownProject_Is422WithGitLabsReason()
    {
        var json = await GetJsonAsync("/api/env/platform%2Fnothing/status", HttpStatusCode.UnprocessableEntity);

        Assert.Contains("GitLab answered 404", json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }
}
