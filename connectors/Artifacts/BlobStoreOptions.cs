using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>Retries and timeouts for the Blob client; tests pass a short retry delay and their own transport.</summary>
internal sealed record BlobStoreOptions(int MaxRetries = 3, TimeSpan? RetryDelay = null, TimeSpan? NetworkTimeout = null, HttpPipelineTransport? Transport = null)
{
    /// <summary>
    /// The Blob service version we speak. The SDK's newest (2026-10-06 in 12.30.1) is ahead of what Azurite 3.37
    /// accepts (up to 2026-06-06), and a user's own Azurite would refuse it; Azure accepts both.
    /// </summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    public BlobClientOptions ToClientOptions()
    {
        var options = new BlobClientOptions(ServiceVersion);
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay ?? TimeSpan.FromSeconds(0.8);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.NetworkTimeout = NetworkTimeout ?? TimeSpan.FromSeconds(100);
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        if (Transport is not null)
        {
            options.Transport = Transport;
        }

        return options;
    }
}
