using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// A thin client for the Log Analytics query API (<c>POST /v1/workspaces/{id}/query</c>) on Azure.Core's
/// pipeline: bearer tokens from a <see cref="TokenCredential"/>, retries on 408/429/5xx honouring Retry-After,
/// typed errors and typed result tables.
/// </summary>
internal sealed class LogAnalyticsClient
{
    private readonly HttpPipeline _pipeline;
    private readonly LogAnalyticsOptions _options;

    public LogAnalyticsClient(LogAnalyticsOptions options, TokenCredential credential, ILogger logger, HttpPipelineTransport? transport = null)
    {
        _options = options;
        var clientOptions = new PipelineOptions(options, logger);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        _pipeline = HttpPipelineBuilder.Build(
            clientOptions,
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, options.EffectiveScope)],
            new ResponseClassifier());
    }

    /// <summary>Runs <paramref name="query"/> over [from, to] (the API's timespan is an ISO 8601 interval).</summary>
    public async Task<LogsQueryResult> QueryAsync(string workspaceId, string query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_options.Endpoint);
        request.Uri.AppendPath("/v1/workspaces/", escape: false);
        request.Uri.AppendPath(workspaceId, escape: true);
        request.Uri.AppendPath("/query", escape: false);
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("Accept", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["query"] = query,
            ["timespan"] = Timespan(from, to),
        }));

        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException e)
        {
            throw new LogAnalyticsException(0, "AuthenticationFailed", $"no token for {_options.EffectiveScope}: {e.Message}", inner: e);
        }
        catch (Exception e) when (Transport.IsConnectionFailure(e, out var reason))
        {
            throw new LogAnalyticsException(0, "ConnectionFailed", $"{_options.Endpoint.Host}: {reason}", inner: e);
        }

        var response = message.Response;
        return response.Status == 200
            ? LogsResponseParser.ParseSuccess(response.Content)
            : throw LogsResponseParser.ParseFailure(response.Status, response.ReasonPhrase, response.Content);
    }

    internal static string Timespan(DateTimeOffset from, DateTimeOffset to) =>
        string.Create(CultureInfo.InvariantCulture, $"{from.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}/{to.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}");

    private sealed class PipelineOptions : ClientOptions
    {
        public PipelineOptions(LogAnalyticsOptions options, ILogger logger)
        {
            Retry.MaxRetries = options.MaxRetries;
            Retry.Delay = options.RetryDelay;
            Retry.MaxDelay = TimeSpan.FromSeconds(60);
            Retry.Mode = RetryMode.Exponential;
            Retry.NetworkTimeout = options.NetworkTimeout;
            RetryPolicy = new RetryPolicy(options.MaxRetries, new LoggingDelayStrategy(options.RetryDelay, TimeSpan.FromSeconds(60), logger, options.Endpoint.Host));
            Diagnostics.IsLoggingEnabled = false;
            Diagnostics.IsDistributedTracingEnabled = false;
        }
    }
}
