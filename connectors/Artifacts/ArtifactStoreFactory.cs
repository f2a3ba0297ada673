using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Picks the artifact store from <c>AzureWebJobsStorage</c>, as Azure Functions picks its storage:
/// empty → a folder under the data directory; <c>UseDevelopmentStorage=true</c> → Azurite at 127.0.0.1:10000;
/// a connection string → that Blob account; empty with <c>AzureWebJobsStorage__blobServiceUri</c> (or
/// <c>__accountName</c>) → that account with Microsoft Entra tokens (managed identity; <c>__clientId</c> picks a
/// user-assigned one).
/// </summary>
internal static class ArtifactStoreFactory
{
    public const string StorageSetting = "AzureWebJobsStorage";
    public const string DefaultContainer = "ragnarok-artifacts";

    public static IArtifactStore Create(IConfiguration configuration, string dataDirectory, TokenCredential? credential = null, BlobStoreOptions? options = null)
    {
        var container = configuration["Artifacts:Container"] is { Length: > 0 } c ? c : DefaultContainer;
        var clientOptions = (options ?? new BlobStoreOptions()).ToClientOptions();
        var connectionString = configuration[StorageSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobArtifactStore(BlobConnectionString.Open(StorageSetting, connectionString, clientOptions), container);
        }

        if (IdentityEndpoint(configuration) is { } endpoint)
        {
            credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = configuration[$"{StorageSetting}:clientId"] is { Length: > 0 } id ? id : null,
            });
            return new BlobArtifactStore(new BlobServiceClient(endpoint, credential, clientOptions), container);
        }

        var folder = configuration["Artifacts:Folder"] is { Length: > 0 } f ? f : Path.Combine(dataDirectory, "artifacts");
        return new FolderArtifactStore(folder);
    }

    private static Uri? IdentityEndpoint(IConfiguration configuration)
    {
        if (configuration[$"{StorageSetting}:blobServiceUri"] is { Length: > 0 } serviceUri)
        {
            return Uri.TryCreate(serviceUri, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps
                ? endpoint
                : throw new InvalidOperationException($"{StorageSetting}__blobServiceUri: '{serviceUri}' must be an https URL (bearer tokens are only sent over TLS)");
        }

        if (configuration[$"{StorageSetting}:accountName"] is { Length: > 0 } account)
        {
            // Storage account names are 3-24 lower-case letters and digits.
            return account.Length is >= 3 and <= 24 && account.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch))
                ? new Uri($"https://{account}.blob.core.windows.net")
                : throw new InvalidOperationException($"{StorageSetting}__accountName: '{account}' is not a storage account name (3-24 lower-case letters and digits)");
        }

        return null;
    }
}
