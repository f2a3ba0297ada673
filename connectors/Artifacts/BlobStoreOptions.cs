using Azure.Core;
using Azure.Core.Pipeline;

namespace RagnarokOps.Connectors.Artifacts;

/// <summary>Retries and timeouts for the blob pipeline; tests pass a short retry delay and their own transport.</summary>
internal sealed record BlobStoreOptions(int MaxRetries = 3, TimeSpan? RetryDelay = null, TimeSpan? NetworkTimeout = null, HttpPipelineTransport? Transport = null)
{
    public ClientOptions ToClientOptions()
    {
        var options = new Options();
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

    private sealed class Options : ClientOptions;
}
