using Microsoft.Data.Sqlite;

namespace RagnarokOps.Functions.Hosting;

/// <summary>Where the host keeps its files: the data folder, the task hub database, the approval ledger.</summary>
internal sealed record HostPaths(string DataDirectory, string TaskHubPath)
{
    public const string DataDirectoryKey = "Ragnarok:DataDirectory";

    /// <summary>
    /// The data folder is <c>Ragnarok:DataDirectory</c> (default <c>data</c> under the content root); the task hub is the
    /// SQLite file named by the host.json storage provider's connection string (<c>ConnectionStrings:RagnarokTaskHub</c>,
    /// a path or <c>Data Source=…</c>), else <c>{hubName}.db</c> in the data folder.
    /// </summary>
    public const string StorageProviderKey = "AzureFunctionsJobHost:extensions:durableTask:storageProvider:type";

    public static HostPaths From(HostConfiguration configuration)
    {
        // The effective provider: host.json, or an environment override as Azure sets app settings.
        var provider = configuration.Configuration[StorageProviderKey] ?? configuration.Host.DurableTask.StorageProvider;
        if (!string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw HostConfigurationException.At(
                Path.Combine(configuration.ContentRoot, HostJson.FileName),
                null,
                "extensions.durableTask.storageProvider.type",
                $"\"{provider}\" is not available in this build (only sqlite is; the PostgreSQL provider is designed but not built)");
        }

        var data = Path.GetFullPath(configuration.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.Combine(configuration.ContentRoot, configured)
            : Path.Combine(configuration.ContentRoot, "data"));
        var name = configuration.Host.DurableTask.ConnectionStringName;
        var connection = configuration.Configuration[$"ConnectionStrings:{name}"] ?? configuration.Configuration[name];
        var hub = string.IsNullOrWhiteSpace(connection)
            ? Path.Combine(data, $"{configuration.Host.DurableTask.HubName}.db")
            : Path.GetFullPath(Path.Combine(configuration.ContentRoot, DataSourceOf(connection)));
        return new HostPaths(data, hub);
    }

    private static string DataSourceOf(string connection) =>
        connection.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(connection).DataSource : connection.Trim();
}
