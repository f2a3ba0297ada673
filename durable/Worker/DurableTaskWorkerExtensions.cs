using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>Configures a durable task worker.</summary>
public interface IDurableTaskWorkerBuilder
{
    /// <summary>Gets the worker name.</summary>
    string Name { get; }

    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}

/// <summary>Registration of the durable task worker.</summary>
public static class DurableTaskWorkerExtensions
{
    /// <summary>
    /// Adds the durable task worker as a hosted service, e.g.
    /// <c>services.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestrator&lt;MyOrchestrator&gt;()).UseSqlite("hub.db"))</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Registers tasks and storage.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskWorker(this IServiceCollection services, Action<IDurableTaskWorkerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new Builder("default", services);
        configure(builder);
        services.AddOptions<DurableTaskRegistry>();
        services.AddOptions<DurableTaskWorkerOptions>();
        services.AddSingleton<DurableTaskWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableTaskWorker>());
        return services;
    }

    /// <summary>Registers orchestrators and activities.</summary>
    /// <param name="builder">The worker builder.</param>
    /// <param name="configure">Adds tasks to the registry.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder AddTasks(this IDurableTaskWorkerBuilder builder, Action<DurableTaskRegistry> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Configures the worker options.</summary>
    /// <param name="builder">The worker builder.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder Configure(this IDurableTaskWorkerBuilder builder, Action<DurableTaskWorkerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Stores the task hub in a SQLite file (created on first use).</summary>
    /// <param name="builder">The worker builder.</param>
    /// <param name="databasePath">The database file.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder UseSqlite(this IDurableTaskWorkerBuilder builder, string databasePath) =>
        builder.UseSqlite(o => o.DatabasePath = databasePath);

    /// <summary>Stores the task hub in a SQLite file (created on first use).</summary>
    /// <param name="builder">The worker builder.</param>
    /// <param name="configure">Sets the storage options.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder UseSqlite(this IDurableTaskWorkerBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StoreRegistration.AddSqliteStore(builder.Services, configure);
        return builder;
    }

    /// <summary>Stores the task hub in PostgreSQL, which several workers on several machines can share.</summary>
    /// <param name="builder">The worker builder.</param>
    /// <param name="configure">Sets the connection string and schema.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder UsePostgres(this IDurableTaskWorkerBuilder builder, Action<Postgres.PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StoreRegistration.AddPostgresStore(builder.Services, configure);
        return builder;
    }

    private sealed record Builder(string Name, IServiceCollection Services) : IDurableTaskWorkerBuilder;
}
