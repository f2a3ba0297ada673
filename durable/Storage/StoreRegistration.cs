using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>Registers the one store (SQLite or PostgreSQL) a process's worker and client share (so in-process wake-ups work).</summary>
internal static class StoreRegistration
{
    public static void AddPostgresStore(IServiceCollection services, Action<Postgres.PostgresStorageOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOrchestrationStore>(sp =>
        {
            var worker = sp.GetService<IOptions<DurableTaskWorkerOptions>>()?.Value ?? new DurableTaskWorkerOptions();
            return new Postgres.PostgresOrchestrationStore(
                sp.GetRequiredService<IOptions<Postgres.PostgresStorageOptions>>().Value,
                new StoreSettings(worker.LockTimeout, worker.MaxDequeueCount),
                sp.GetRequiredService<TimeProvider>());
        });
    }

    public static void AddSqliteStore(IServiceCollection services, Action<SqliteStorageOptions> configure)
    {
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOrchestrationStore>(sp =>
        {
            var worker = sp.GetService<IOptions<DurableTaskWorkerOptions>>()?.Value ?? new DurableTaskWorkerOptions();
            return new SqliteOrchestrationStore(
                sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value,
                new StoreSettings(worker.LockTimeout, worker.MaxDequeueCount),
                sp.GetRequiredService<TimeProvider>());
        });
    }
}
