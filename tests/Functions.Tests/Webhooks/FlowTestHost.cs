using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Tests.Engine;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>The real host (RagnarokHost.Build) on a free loopback port and its own task hub on the test Azurite, with a webhook secret and a signing key.</summary>
internal sealed class FlowTestHost : IAsyncDisposable
{
    public const string Secret = "webhook-secret-for-tests";
    public const string SigningKey = "flow-test-signing-key-that-is-long-enough-0123";
    public const string ManagementKey = "management-key-for-tests";

    private FlowTestHost(WebApplication app, string url)
    {
        App = app;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public WebApplication App { get; }

    public string Url { get; }

    public HttpClient Http { get; }

    public DurableTaskClient Client => App.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<FlowTestHost> StartAsync(string contentRoot, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string? url = null)
    {
        var hostJson = Path.Combine(contentRoot, "host.json");
        if (!File.Exists(hostJson))
        {
            await File.WriteAllTextAsync(hostJson, TestAzurite.HostJson(TestAzurite.NewHubName(), logLevel: "Information"));
        }

        url ??= $"http://127.0.0.1:{FreePort()}";
        var values = new Dictionary<string, string?>
        {
            ["GitLab:WebhookSecret"] = Secret,
            ["Approvals:SigningKey"] = SigningKey,
            ["Approvals:PublicBaseUrl"] = url,
            ["DurableTask:Key"] = ManagementKey,
            [TestAzurite.ConnectionName] = await TestAzurite.ConnectionStringAsync(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = RagnarokHost.Build(HostConfiguration.Load(contentRoot, values), url, configureServices);
        await app.StartAsync();
        return new FlowTestHost(app, url);
    }

    /// <summary>A port free now; the host binds it at once, so a clash is very unlikely (and loud).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
