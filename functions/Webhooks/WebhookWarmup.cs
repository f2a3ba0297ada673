using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.GitLab.Webhooks;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// Sends the webhook endpoint one delivery that starts nothing as soon as the host listens, as App Service's
/// application-initialization requests do. GitLab expects a fast answer; without this the first escalation
/// after a start paid for JIT, the endpoint's first compile and the first SQLite open (measured 170–270 ms
/// cold against 20–50 ms after one ignored delivery).
/// </summary>
internal sealed class WebhookWarmup(
    IHostApplicationLifetime lifetime,
    IServer server,
    IHttpClientFactory clients,
    IOptions<GitLabOptions> gitlab,
    DurableTaskClient durable,
    HostConfiguration configuration,
    ILogger<WebhookWarmup> logger) : IHostedService
{
    /// <summary>Marks the warm-up's own request, so the endpoint does not log it as a GitLab delivery (honoured from loopback only).</summary>
    internal const string Header = "X-Ragnarok-Warmup";

    /// <summary>A minimal Issue Hook for an issue without the escalation label: parsed and decided, then ignored.</summary>
    internal static string SampleIssueHook(string? label) => JsonSerializer.Serialize(new
    {
        object_kind = "issue",
        event_type = "issue",
        user = new { id = 1, username = "ragnarok-warmup" },
        project = new { id = 1, path_with_namespace = "ragnarok/warmup" },
        object_attributes = new { id = 1, iid = 1, title = "warm-up", action = "open", labels = label is null ? [] : new[] { new { title = label } } },
        labels = label is null ? [] : new[] { new { title = label } },
    });

    /// <summary>What the endpoint decides for a sample hook; the warm-up's own delivery must come out as ignored.</summary>
    /// <summary>Whether this request is the host's own warm-up: the header, from a loopback address.</summary>
    internal static bool IsWarmup(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Request.Headers.ContainsKey(Header) && context.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip);

    internal static WebhookDecision? Rehearse(WebhookOptions options, string? label)
    {
        var headers = GitLabWebhookHeaders.From(name => name == GitLabWebhookHeaders.EventHeader ? "Issue Hook" : null);
        var parsed = GitLabWebhookParser.Parse(headers, SampleIssueHook(label));
        return parsed.Event is { } hook ? WebhookDecision.From(hook, options, parsed.EventUuid) : null;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = WarmAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await durable.GetInstanceAsync("ragnarok-warmup", cancellationToken);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return;
            }

            var loopback = address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal).Replace("+", "127.0.0.1", StringComparison.Ordinal);
            var prefix = configuration.Host.RoutePrefix.Trim('/');
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{loopback.TrimEnd('/')}/{(prefix.Length == 0 ? "" : prefix + "/")}webhooks/gitlab"))
            {
                Content = new StringContent(SampleIssueHook(null), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(GitLabWebhookHeaders.EventHeader, "Issue Hook");
            request.Headers.Add(Header, "1");
            if (!string.IsNullOrEmpty(gitlab.Value.WebhookSecret))
            {
                request.Headers.Add(GitLabWebhookHeaders.TokenHeader, gitlab.Value.WebhookSecret);
            }

            using var client = clients.CreateClient(nameof(WebhookWarmup));
            using var response = await client.SendAsync(request, cancellationToken);
            WebhooksLog.WarmedUp(logger, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            // A cold first delivery is slower, not wrong: never let the warm-up disturb the host.
            WebhooksLog.WarmupFailed(logger, ex.Message);
        }
    }
}
