using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using RagnarokOps.Connectors.LogAnalytics;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Artifacts as block blobs <c>{container}/{caseId}/{name}</c> through Azure.Storage.Blobs, which signs with the
/// account key, a SAS or Microsoft Entra tokens. The container is created on first use.
/// </summary>
internal sealed partial class BlobArtifactStore : IArtifactStore
{
    private readonly BlobContainerClient _container;
    private readonly Uri _serviceEndpoint;
    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    public BlobArtifactStore(BlobServiceClient service, string container)
    {
        _container = service.GetBlobContainerClient(container);
        // A SAS connection string puts the signature in the service URI's query; messages show the endpoint without it.
        _serviceEndpoint = new UriBuilder(service.Uri) { Query = string.Empty }.Uri;
    }

    public string Container => _container.Name;

    public string AccountName => _container.AccountName;

    /// <summary>Runs one SDK call and turns its failures into an <see cref="ArtifactStoreException"/> a person can act on.</summary>
    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AuthenticationFailedException e)
        {
            throw new ArtifactStoreException(ArtifactFailure.AuthenticationFailed, $"blob storage at {_serviceEndpoint}: no token for the storage account ({operation}): {e.Message}", inner: e);
        }
        catch (Exception e) when (Transport.IsConnectionFailure(e, out var reason))
        {
            throw new ArtifactStoreException(
                ArtifactFailure.Unreachable,
                $"blob storage at {_serviceEndpoint} could not be reached: {reason} (is Azurite or the storage account up? check AzureWebJobsStorage)",
                inner: e);
        }
        catch (RequestFailedException e)
        {
            throw BlobErrors.From(e, operation, _serviceEndpoint, AccountName);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        await _containerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_containerReady)
            {
                await CallAsync($"create container '{Container}'", () => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
                _containerReady = true;
            }
        }
        finally
        {
            _containerGate.Release();
        }
    }
}
