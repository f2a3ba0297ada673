using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagnarokOps.Sandbox;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Sandbox.Tests;

/// <summary>A real sandbox on a free loopback port, seeded with the checkout scenario, shared by a test class.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new("ragnarok-sandbox");

    public SandboxServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string DataDirectory => _data.Path;

    /// <summary>The seeded project's API root, addressed by url-encoded path as clients do.</summary>
    public string Project => $"api/v4/projects/{Uri.EscapeDataString(Server.GroundTruth!.ProjectPath)}";

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions { Urls = "http://127.0.0.1:0", DataDirectory = _data.Path, Seed = "checkout" }, CancellationToken.None);
        Http = CreateClient(Server);
    }

    public static HttpClient CreateClient(SandboxServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", server.Token);
        return http;
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<(int Status, JsonNode? Body)> SendJsonAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
