using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Seeding;
using RagnarokOps.Sandbox.Staging;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox;

/// <summary>
/// The local GitLab stand-in: <c>/api/v4</c> over bare git repositories and a SQLite store, with webhooks.
/// Start it in-process (tests, <c>ragnarok demo</c>) with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StagingService? _staging;

    private SandboxServer(WebApplication app, StagingService? staging, Uri baseUrl, string token, string dataDirectory, GroundTruth? groundTruth)
    {
        _app = app;
        _staging = staging;
        BaseUrl = baseUrl;
        Token = token;
        DataDirectory = dataDirectory;
        GroundTruth = groundTruth;
    }

    /// <summary>Where the sandbox listens, e.g. http://127.0.0.1:8929/ (the GitLab base URL for clients).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The REST root, <c>{BaseUrl}api/v4</c>.</summary>
    public Uri ApiUrl => new(BaseUrl, "api/v4");

    /// <summary>The administrator's personal access token (send as <c>PRIVATE-TOKEN</c>).</summary>
    public string Token { get; }

    public string DataDirectory { get; }

    /// <summary>What the seed planted (null when nothing was seeded); for tests and the demo's narration only.</summary>
    public GroundTruth? GroundTruth { get; }

    /// <summary>The staging copy of the checkout service (the policy's replay_url), when the checkout scenario was seeded.</summary>
    public Uri? StagingUrl => _staging?.Url;

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddSingleton(new SandboxStore(Path.Combine(dataDirectory, "sandbox.db")));
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        builder.Services.AddSingleton(sp => new SandboxContext(
            sp.GetRequiredService<SandboxStore>(), dataDirectory, options.TimeProvider, sp.GetRequiredService<WebhookDispatcher>()));

        var app = builder.Build();
        SandboxApi.Map(app, options.Token);
        Web.WebPages.Map(app);
        await app.StartAsync(cancellationToken);
        StagingService? staging = null;
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseUrl = new Uri(address.TrimEnd('/') + "/");
            var context = app.Services.GetRequiredService<SandboxContext>();
            context.BaseUrl = baseUrl.ToString().TrimEnd('/');
            context.Hooks.InstanceUrl = context.BaseUrl;
            SeedUsers.EnsureAdministrator(context);
            staging = await StartStagingAsync(context, options.Seed, cancellationToken);
            context.StagingUrl = staging?.Url.ToString().TrimEnd('/');
            var groundTruth = await Seeder.SeedAsync(context, options.Seed, cancellationToken);
            return new SandboxServer(app, staging, baseUrl, options.Token, dataDirectory, groundTruth);
        }
        catch
        {
            if (staging is not null)
            {
                await staging.DisposeAsync();
            }

            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The checkout scenario's staging copy: on a fresh checkout seed, or again where an earlier start left one.</summary>
    private static async Task<StagingService?> StartStagingAsync(SandboxContext context, string? seed, CancellationToken cancellationToken)
    {
        var saved = StagingService.SavedUrl(context.DataDirectory);
        var fresh = context.Store.List(Store.Kinds.Project).Count == 0 && string.Equals(seed, Seeder.Checkout, StringComparison.OrdinalIgnoreCase);
        return saved is not null || fresh ? await StagingService.StartAsync(context.DataDirectory, saved, cancellationToken) : null;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        if (_staging is not null)
        {
            await _staging.DisposeAsync();
        }
    }
}
