using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.LocalEngine;
using RagnarokOps.Functions.Tests.Engine;

namespace RagnarokOps.Functions.Tests.LocalEngine;

/// <summary>A bare local host (the engine, a worker with the given tasks, a client) on a hub of the test Azurite.</summary>
internal static class LocalHosts
{
    public static async Task<IHost> StartAsync(
        string root, string hostJson, Action<DurableTaskRegistry> tasks, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection, HostConfiguration>? services = null)
    {
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "host.json"), hostJson);
        var values = new Dictionary<string, string?> { [TestAzurite.ConnectionName] = await TestAzurite.ConnectionStringAsync() };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = HostConfiguration.Load(root, values);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(configuration).AddSingleton(HostPaths.From(configuration));
        builder.Services.AddLocalDurableTask(configuration, tasks);
        services?.Invoke(builder.Services, configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
