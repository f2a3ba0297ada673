using Microsoft.Data.Sqlite;

namespace RagnarokOps.Functions.Hosting;

/// <summary>
/// Where the host keeps its files and its task hub: the data folder, and either the SQLite file
/// (<see cref="TaskHubPath"/>) or a PostgreSQL database and schema (<see cref="PostgresConnection"/>).
/// </summary>
internal sealed record HostPaths(string DataDirectory, string TaskHubPath, string? PostgresConnection = null, string? PostgresSchema = null)
{
    public const string DataDirectoryKey = "Ragnarok:DataDirectory";

    /// <summary>
    /// The data folder is <c>Ragnarok:DataDirectory</c> (default <c>data</c> under the content root). With the sqlite
    /// provider the task hub is the file named by the storage provider's connection string (<c>ConnectionStrings:RagnarokTaskHub</c>,
    /// a path or <c>Data Source=…</c>), else <c>{hubName}.db</c> in the data folder; with postgres it is that connection
    /// string's database, in a schema named after the hub.
    /// </summary>
    public const string StorageProviderKey = "AzureFunctionsJobHost:extensions:durableTask:storageProvider:type";

    public static HostPaths From(HostConfiguration configuration)
    {
        // The effective provider: host.json, or an environment override as Azure sets app settings.
        var provider = configuration.Configuration[StorageProviderKey] ?? configuration.Host.DurableTask.StorageProvider;
        var hostJson = Path.Combine(configuration.ContentRoot, HostJson.FileName);
        var data = Path.GetFullPath(configuration.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.Combine(configuration.ContentRoot, configured)
            : Path.Combine(configuration.ContentRoot, "data"));
        var name = configuration.Host.DurableTask.ConnectionStringName;
        var connection = configuration.Configuration[$"ConnectionStrings:{name}"] ?? configuration.Configuration[name];
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(configuration, hostJson, data, name, connection);
        }

        if (!string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw HostConfigurationException.At(hostJson, null, "extensions.durableTask.storageProvider.type",
                $"\"{provider}\" is not one of: {string.Join(", ", HostJson.StorageProviders)}");
        }

        var hub = string.IsNullOrWhiteSpace(connection)
            ? Path.Combine(data, $"{configuration.Host.DurableTask.HubName}.db")
            : Path.GetFullPath(Path.Combine(configuration.ContentRoot, DataSourceOf(connection)));
        return new HostPaths(data, hub);
    }

    private static HostPaths Postgres(HostConfiguration configuration, string hostJson, string data, string name, string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw HostConfigurationException.At(hostJson, null, "extensions.durableTask.storageProvider.connectionStringName",
                $"the postgres provider needs the connection string \"{name}\" (setting ConnectionStrings:{name} or {name}), which is not set");
        }

        Npgsql.NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the value (it may hold the password).
            throw HostConfigurationException.At(hostJson, null, "extensions.durableTask.storageProvider.connectionStringName",
                $"the connection string \"{name}\" is not a PostgreSQL connection string: {ex.Message}");
        }

        var hubName = configuration.Host.DurableTask.HubName;
        var schema = hubName.ToLowerInvariant();
        if (!DurableTask.Postgres.PostgresStorageOptions.IsValidSchema(schema))
        {
            throw HostConfigurationException.At(hostJson, null, "extensions.durableTask.hubName",
                $"\"{hubName}\" cannot name a PostgreSQL schema (letters, digits and _, starting with a letter or _)");
        }

        return new HostPaths(data, $"postgres {parsed.Host}/{parsed.Database} schema {schema}", connection, schema);
    }

    private static string DataSourceOf(string connection) =>
        connection.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(connection).DataSource : connection.Trim();
}
