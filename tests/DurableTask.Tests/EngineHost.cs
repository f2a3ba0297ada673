using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Worker;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests;

/// <summary>A real worker and client over a temporary SQLite file.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDirectory? _ownedDirectory;

    private EngineHost(IHost host, TempDirectory? ownedDirectory, string databasePath)
    {
        _host = host;
        _ownedDirectory = ownedDirectory;
        DatabasePath = databasePath;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    public string DatabasePath { get; }

    public IServiceProvider Services => _host.Services;

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public static async Task<EngineHost> StartAsync(
        Action<DurableTaskRegistry> tasks,
        string? databasePath = null,
        Action<DurableTaskWorkerOptions>? options = null,
        Action<IServiceCollection>? services = null)
    {
        var dir = databasePath is null ? new TempDirectory("durable-test") : null;
        var path = databasePath ?? dir!.Combine("hub.db");
        return await StartAsync(tasks, b => b.UseSqlite(path), options, services, dir, path).ConfigureAwait(false);
    }

    /// <summary>A worker and client on a PostgreSQL task hub (<paramref name="schema"/> in the server's database).</summary>
    public static Task<EngineHost> StartPostgresAsync(
        Action<DurableTaskRegistry> tasks, string connectionString, string schema, Action<DurableTaskWorkerOptions>? options = null) =>
        StartAsync(tasks, b => b.UsePostgres(o => (o.ConnectionString, o.Schema) = (connectionString, schema)), options, null, null, schema);

    private static async Task<EngineHost> StartAsync(
        Action<DurableTaskRegistry> tasks,
        Action<IDurableTaskWorkerBuilder> storage,
        Action<DurableTaskWorkerOptions>? options,
        Action<IServiceCollection>? services,
        TempDirectory? dir,
        string location)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskWorker(b =>
        {
            storage(b.AddTasks(tasks));
            b.Configure(o =>
            {
                o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
                options?.Invoke(o);
            });
        });

        // The worker registered the store; the client shares it.
        builder.Services.AddDurableTaskClient();
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new EngineHost(host, dir, location);
    }

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId)).ConfigureAwait(false);
        return await CompleteAsync(id).ConfigureAwait(false);
    }

    public async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await Client.WaitForInstanceCompletionAsync(instanceId, true, cts.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        if (_host is IAsyncDisposable d)
        {
            await d.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            _host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _ownedDirectory?.Dispose();
    }
}
