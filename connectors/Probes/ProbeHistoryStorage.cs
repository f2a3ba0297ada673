using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace RagnarokOps.Connectors.Probes;

/// <summary>
/// The table of probe history, on the storage the host already uses: the connection named by
/// <c>Ragnarok:Probes:Storage</c> (default <c>AzureWebJobsStorage</c>) — a connection string, <c>UseDevelopmentStorage=true</c>
/// or nothing (Azurite on 127.0.0.1:10002), or identity-based (<c>__tableServiceUri</c> or <c>__accountName</c>).
/// Table <c>Ragnarok:Probes:Table</c>, default <c>ragnarokprobes</c>.
/// </summary>
public static class ProbeHistoryStorage
{
    public const string DefaultConnection = "AzureWebJobsStorage";
    public const string DefaultTable = "ragnarokprobes";

    public static TableClient Open(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[$"{ProbeTargetSettings.Section}:Storage"] is { Length: > 0 } n ? n : DefaultConnection;
        var tableName = configuration[$"{ProbeTargetSettings.Section}:Table"] is { Length: > 0 } t ? t : DefaultTable;
        var section = configuration.GetSection(name);
        if (section["tableServiceUri"] is { Length: > 0 } uri)
        {
            return Uri.TryCreate(uri, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps
                ? new TableClient(endpoint, tableName, new DefaultAzureCredential())
                : throw new InvalidOperationException($"{name}__tableServiceUri: '{uri}' must be an https URL");
        }

        if (section["accountName"] is { Length: > 0 } account)
        {
            return new TableClient(new Uri($"https://{account}.table.core.windows.net"), tableName, new DefaultAzureCredential());
        }

        var connection = configuration.GetConnectionString(name) is { Length: > 0 } cs ? cs : section.Value;
        try
        {
            return new TableClient(string.IsNullOrWhiteSpace(connection) ? "UseDevelopmentStorage=true" : connection, tableName);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The exception text could quote the key; name the setting only.
            throw new InvalidOperationException($"{name}: not a storage connection string with a table endpoint (probe history, {ProbeTargetSettings.Section}:Storage): {ex.GetType().Name}");
        }
    }
}
