using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using RagnarokOps.Connectors.LogAnalytics;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Artifacts as block blobs <c>{container}/{caseId}/{name}</c> over the Blob service REST API on Azure.Core's
/// pipeline (Azure.Storage.Blobs is not in our registry). The container is created on first use.
/// </summary>
internal sealed partial class BlobArtifactStore : IArtifactStore
{
    /// <summary>A service version that Azure and Azurite 3.3x both accept.</summary>
    public const string ServiceVersion = "2023-11-03";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _serviceEndpoint;
    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    public BlobArtifactStore(Uri serviceEndpoint, string container, HttpPipeline pipeline, string accountName)
    {
        // Azure's primaryEndpoints.blob ends in '/'; paths below are appended with their own.
        _serviceEndpoint = new Uri(serviceEndpoint.AbsoluteUri.TrimEnd('/'));
        _pipeline = pipeline;
        Container = container;
        AccountName = accountName;
    }

    public string Container { get; }

    public string AccountName { get; }

    /// <summary>A store signing with the account key (Azurite's development account, or a real account's key).</summary>
    public static BlobArtifactStore WithConnectionString(BlobConnectionString connection, string container, BlobStoreOptions? options = null)
    {
        options ??= new BlobStoreOptions();
        HttpPipelinePolicy[] perCall = connection.SharedAccessSignature is { } sas ? [new SasPolicy(sas)] : [];
        HttpPipelinePolicy[] perRetry = connection.AccountKey is { } key ? [new SharedKeyPolicy(connection.AccountName, key)] : [];
        var pipeline = HttpPipelineBuilder.Build(options.ToClientOptions(), perCall, perRetry, new ResponseClassifier());
        return new BlobArtifactStore(connection.BlobEndpoint, container, pipeline, connection.AccountName);
    }

    /// <summary>A store authorised with Microsoft Entra tokens (managed identity in production); needs Storage Blob Data Contributor.</summary>
    public static BlobArtifactStore WithCredential(Uri serviceEndpoint, TokenCredential credential, string container, BlobStoreOptions? options = null)
    {
        options ??= new BlobStoreOptions();
        var pipeline = HttpPipelineBuilder.Build(
            options.ToClientOptions(),
            [],
            [new BearerTokenAuthenticationPolicy(credential, "https://storage.azure.com/.default")],
            new ResponseClassifier());
        return new BlobArtifactStore(serviceEndpoint, container, pipeline, serviceEndpoint.Host.Split('.')[0]);
    }

    private HttpMessage NewMessage(RequestMethod method, string? blobPath)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_serviceEndpoint);
        request.Uri.AppendPath("/" + Container, escape: false);
        if (blobPath is not null)
        {
            request.Uri.AppendPath("/" + blobPath, escape: false);
        }

        request.Headers.SetValue("x-ms-version", ServiceVersion);
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response;
        }
        catch (AuthenticationFailedException e)
        {
            throw new ArtifactStoreException(ArtifactFailure.AuthenticationFailed, $"blob storage {_serviceEndpoint}: no token for the storage account: {e.Message}", inner: e);
        }
        catch (Exception e) when (Transport.IsConnectionFailure(e, out var reason))
        {
            throw new ArtifactStoreException(
                ArtifactFailure.Unreachable,
                $"blob storage at {_serviceEndpoint} could not be reached: {reason} (is Azurite or the storage account up? check AzureWebJobsStorage)",
                inner: e);
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
            if (_containerReady)
            {
                return;
            }

            using var message = NewMessage(RequestMethod.Put, null);
            message.Request.Uri.AppendQuery("restype", "container");
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status is not (201 or 409))
            {
                throw BlobErrors.From(response, $"create container '{Container}'", _serviceEndpoint, AccountName);
            }

            _containerReady = true;
        }
        finally
        {
            _containerGate.Release();
        }
    }

    private sealed class SasPolicy(string sas) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var query = message.Request.Uri.Query;
            message.Request.Uri.Query = string.IsNullOrEmpty(query) ? "?" + sas : query + "&" + sas;
        }
    }
}
