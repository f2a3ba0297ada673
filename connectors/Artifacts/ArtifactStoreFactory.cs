using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Picks the artifact store from <c>AzureWebJobsStorage</c>, as Azure Functions picks its storage:
/// empty → a folder under the data directory; <c>UseDevelopmentStorage=true</c> → Azurite at 127.0.0.1:10000;
/// a connection string → that Blob account; empty with <c>AzureWebJobsStorage__blobServiceUri</c> → that
/// account with Microsoft Entra tokens (managed identity; <c>AzureWebJobsStorage__clientId</c> picks a user-assigned one).
/// </summary>
internal static class ArtifactStoreFactory
{
    public const string StorageSetting = "AzureWebJobsStorage";
    public const string DefaultContainer = "ragnarok-artifacts";

    public static IArtifactStore Create(IConfiguration configuration, string dataDirectory, TokenCredential? credential = null, BlobStoreOptions? options = null)
    {
        var container = configuration["Artifacts:Container"] is { Length: > 0 } c ? c : DefaultContainer;
        var connectionString = configuration[StorageSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            BlobConnectionString parsed;
            try
            {
                parsed = BlobConnectionString.Parse(connectionString);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{StorageSetting}: {e.Message}", e);
            }

            return BlobArtifactStore.WithConnectionString(parsed, container, options);
        }

        if (configuration[$"{StorageSetting}:blobServiceUri"] is { Length: > 0 } serviceUri)
        {
            if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException($"{StorageSetting}__blobServiceUri: '{serviceUri}' must be an https URL (bearer tokens are only sent over TLS)");
            }

            credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = configuration[$"{StorageSetting}:clientId"] is { Length: > 0 } id ? id : null,
            });
            return BlobArtifactStore.WithCredential(endpoint, credential, container, options);
        }

        var folder = configuration["Artifacts:Folder"] is { Length: > 0 } f ? f : Path.Combine(dataDirectory, "artifacts");
        return new FolderArtifactStore(folder);
    }
}
