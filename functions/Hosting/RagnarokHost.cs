using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Environments;
using RagnarokOps.Functions.Management;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Dashboard;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.Hosting;

/// <summary>What a started host tells its operator: where its files are and the management key, if it made one up.</summary>
internal sealed record HostRuntime(HostPaths Paths, string TaskHub, string ManagementKey, bool ManagementKeyGenerated);

/// <summary>Builds the web host that serves every HTTP trigger, from the layered host configuration.</summary>
internal static class RagnarokHost
{
    public const string ManagementKeySetting = "DurableTask:Key";

    /// <param name="configuration">The layered settings.</param>
    /// <param name="urls">Where to listen.</param>
    /// <param name="configureServices">Last word on the services (the demo and tests add tasks or replace a connector).</param>
    public static WebApplication Build(HostConfiguration configuration, string urls, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = configuration.ContentRoot });
        builder.Configuration.AddConfiguration(configuration.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = configuration.Host.MaxRequestBodySize);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.AddSingleton(configuration);

        var paths = HostPaths.From(configuration);
        Directory.CreateDirectory(paths.DataDirectory);
        var configuredKey = configuration.Configuration[ManagementKeySetting];
        var key = string.IsNullOrWhiteSpace(configuredKey) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : configuredKey;
        builder.Services.AddSingleton(paths);
        var taskHub = $"{configuration.Host.DurableTask.HubName} on {LocalEngine.TaskHubStorage.From(configuration).Description}";
        builder.Services.AddSingleton(new HostRuntime(paths, taskHub, key, string.IsNullOrWhiteSpace(configuredKey)));
        builder.Services.Configure<ManagementApiOptions>(o =>
        {
            o.Key = key;
            o.TaskHub = configuration.Host.DurableTask.HubName;
        });
        builder.Services.AddEscalationEngine(configuration, paths);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        var api = app.MapGroup("/" + configuration.Host.RoutePrefix);
        api.MapGet("/health", HealthEndpoint.Get);
        app.MapDurableTaskManagementApi();
        app.MapApprovals(configuration);
        app.MapGitLabWebhooks(configuration);
        app.MapEnvironmentEndpoints(configuration);
        app.MapDashboard(configuration.Host.RoutePrefix);
        return app;
    }
}
