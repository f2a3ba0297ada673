using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Client;

/// <summary>Configures a durable task client.</summary>
public interface IDurableTaskClientBuilder
{
    /// <summary>Gets the client name.</summary>
    string Name { get; }

    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}

/// <summary>Registration of <see cref="DurableTaskClient"/>.</summary>
public static class DurableTaskClientExtensions
{
    /// <summary>Adds a singleton <see cref="DurableTaskClient"/>, e.g. <c>services.AddDurableTaskClient(b => b.UseSqlite("hub.db"))</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures storage; may be omitted when the worker already configured it.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddDurableTaskClient(this IServiceCollection services, Action<IDurableTaskClientBuilder>? configure = null)
    {
        configure?.Invoke(new Builder("default", services));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DurableTaskClient>(sp => new StoreDurableTaskClient(
            sp.GetRequiredService<IOrchestrationStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Options.IOptions<Worker.DurableTaskWorkerOptions>>()?.Value.DataConverter ?? JsonDataConverter.Default));
        return services;
    }

    /// <summary>Reads and writes the task hub in a SQLite file (created on first use).</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="databasePath">The database file.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskClientBuilder UseSqlite(this IDurableTaskClientBuilder builder, string databasePath) =>
        builder.UseSqlite(o => o.DatabasePath = databasePath);

    /// <summary>Reads and writes the task hub in a SQLite file (created on first use).</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Sets the storage options.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskClientBuilder UseSqlite(this IDurableTaskClientBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StoreRegistration.AddSqliteStore(builder.Services, configure);
        return builder;
    }

    /// <summary>Reads and writes the task hub in PostgreSQL.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Sets the connection string and schema.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskClientBuilder UsePostgres(this IDurableTaskClientBuilder builder, Action<Postgres.PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StoreRegistration.AddPostgresStore(builder.Services, configure);
        return builder;
    }

    private sealed record Builder(string Name, IServiceCollection Services) : IDurableTaskClientBuilder;
}
