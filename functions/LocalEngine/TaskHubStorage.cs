using Azure.Identity;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Configuration;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.LocalEngine;

/// <summary>
/// The storage account of the task hub, read from the connection host.json names (<c>AzureWebJobsStorage</c> by
/// default) the way Azure Functions reads it: a connection string, <c>UseDevelopmentStorage=true</c> (Azurite on
/// 127.0.0.1:10000-10002, the default when nothing is set), or identity-based (<c>__accountName</c> or
/// <c>__blobServiceUri</c> + <c>__queueServiceUri</c> + <c>__tableServiceUri</c>, with DefaultAzureCredential).
/// </summary>
internal sealed record TaskHubStorage(string Description, bool IsDevelopmentStorage, Func<StorageAccountClientProvider> CreateProvider)
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static TaskHubStorage From(HostConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration.Host.DurableTask.ConnectionName;
        var settings = configuration.Configuration;
        var section = settings.GetSection(name);
        if (section["accountName"] is { Length: > 0 } account)
        {
            return new($"storage account {account} (managed identity)", false, () => new StorageAccountClientProvider(account, new DefaultAzureCredential()));
        }

        if (section["blobServiceUri"] is { Length: > 0 } blob)
        {
            var queue = section["queueServiceUri"];
            var table = section["tableServiceUri"];
            if (string.IsNullOrWhiteSpace(queue) || string.IsNullOrWhiteSpace(table))
            {
                throw new HostConfigurationException(
                    $"{name}__blobServiceUri is set, so the task hub also needs {name}__queueServiceUri and {name}__tableServiceUri (or use {name}__accountName)");
            }

            return new($"storage {Host(blob)} (managed identity)", false, () => new StorageAccountClientProvider(
                Uri(name, "blobServiceUri", blob), Uri(name, "queueServiceUri", queue), Uri(name, "tableServiceUri", table), new DefaultAzureCredential()));
        }

        var connection = settings[$"ConnectionStrings:{name}"] ?? section.Value;
        if (string.IsNullOrWhiteSpace(connection) || IsDevelopment(connection))
        {
            return new("Azurite (UseDevelopmentStorage=true)", true, () => new StorageAccountClientProvider(DevelopmentStorage));
        }

        // The key never leaves this record: the description names only the endpoints.
        var description = Describe(connection) ?? throw new HostConfigurationException(
            $"{name}: not a storage connection string (expected AccountName=…;AccountKey=… or endpoints, or UseDevelopmentStorage=true)");
        return new(description, false, () => new StorageAccountClientProvider(connection));
    }

    private static bool IsDevelopment(string connection) =>
        connection.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    private static string? Describe(string connection)
    {
        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("QueueEndpoint", out var queue))
        {
            return $"storage {Host(queue)}";
        }

        return parts.TryGetValue("AccountName", out var account) ? $"storage account {account}" : null;
    }

    private static string Host(string url) => System.Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;

    private static Uri Uri(string name, string key, string? value) =>
        System.Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new HostConfigurationException($"{name}__{key}: \"{value}\" is not an absolute URL");
}
