using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Webhooks;

/// <summary>
/// Records each hook event in the store first, then delivers it in the background with a few retries, as
/// GitLab does. A resend is a new delivery of the same event: same Idempotency-Key and event UUID, new
/// webhook UUID. Pending deliveries survive a restart because the queue is rebuilt from the store.
/// </summary>
internal sealed class WebhookDispatcher(SandboxStore store, TimeProvider time, IHttpClientFactory httpFactory, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "sandbox-webhooks";

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>();
    private readonly Lock _pendingGate = new();
    private readonly List<Task> _inFlight = [];

    private readonly HookChains _chains = new();

    public string InstanceUrl { get; set; } = string.Empty;

    /// <summary>
    /// Queues <paramref name="payload"/> for every hook of the project subscribed to <paramref name="kind"/>, except
    /// hooks GitLab's recursion detection would block for the current request's X-Gitlab-Event-UUID.
    /// </summary>
    public void Raise(long projectId, HookEvent kind, JsonObject payload)
    {
        foreach (var hook in store.List(Kinds.Hook, projectId).Where(h => h.Bool(kind.Flag) == true))
        {
            if (_chains.Join(hook.Long("id")) is not { } eventUuid)
            {
                Log.RecursionBlocked(logger, kind.Header, hook.Long("id"), HookChains.CurrentRequestUuid ?? string.Empty);
                continue;
            }

            // Each record owns its copy: a JSON node can only have one parent.
            var eventId = store.Write(tx => Record(tx, hook, kind.Header, kind.Trigger, payload.Clone(), Guid.NewGuid().ToString(), eventUuid));
            _queue.Writer.TryWrite(eventId);
        }
    }

    /// <summary>Delivers a recorded event again; the Idempotency-Key stays, so receivers can drop the duplicate.</summary>
    public JsonObject? Resend(long hookId, long eventId)
    {
        if (store.Get(Kinds.HookEvent, eventId) is not { } original || original.Long("hook_id") != hookId || store.Get(Kinds.Hook, hookId) is not { } hook)
        {
            return null;
        }

        var newId = store.Write(tx => Record(
            tx, hook, original.Str("event_header"), original.Str("trigger"), original["request_data"]!.AsObject().Clone(),
            original.Str("idempotency_key"), original.Str("event_uuid")));
        _queue.Writer.TryWrite(newId);
        return store.Get(Kinds.HookEvent, newId);
    }

    private long Record(StoreTransaction tx, JsonObject hook, string header, string trigger, JsonObject payload, string idempotencyKey, string eventUuid)
    {
        var id = tx.Next(Kinds.HookEvent);
        tx.Put(Kinds.HookEvent, id, hook.Long("project_id"), new JsonObject
        {
            ["id"] = id,
            ["hook_id"] = hook.Long("id"),
            ["url"] = hook.Str("url"),
            ["trigger"] = trigger,
            ["event_header"] = header,
            ["idempotency_key"] = idempotencyKey,
            ["event_uuid"] = eventUuid,
            ["webhook_uuid"] = Guid.NewGuid().ToString(),
            ["request_headers"] = new JsonObject(),
            ["request_data"] = payload,
            ["response_headers"] = new JsonObject(),
            ["response_body"] = string.Empty,
            ["response_status"] = "pending",
            ["execution_duration"] = 0.0,
            ["attempts"] = 0,
            ["created_at"] = time.GetUtcNow().Iso(),
        });
        return id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var pending in store.List(Kinds.HookEvent).Where(e => e.Str("response_status") == "pending"))
        {
            _queue.Writer.TryWrite(pending.Long("id"));
        }

        try
        {
            await foreach (var eventId in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                lock (_pendingGate)
                {
                    _inFlight.RemoveAll(t => t.IsCompleted);
                    _inFlight.Add(DeliverAsync(eventId, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered events stay "pending" in the store and go out on the next start.
        }

        Task[] running;
        lock (_pendingGate)
        {
            running = [.. _inFlight];
        }

        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task DeliverAsync(long eventId, CancellationToken cancellationToken)
    {
        if (store.Get(Kinds.HookEvent, eventId) is not { } record || store.Get(Kinds.Hook, record.Long("hook_id")) is not { } hook)
        {
            return;
        }

        for (var attempt = 1; attempt <= RetryDelays.Length + 1; attempt++)
        {
            var (status, body, elapsed, headers) = await SendAsync(record, hook, cancellationToken);
            record["attempts"] = attempt;
            record["execution_duration"] = elapsed;
            record["request_headers"] = headers;
            record["response_body"] = body;
            var delivered = status is >= 200 and < 300;
            var last = attempt > RetryDelays.Length;
            if (delivered || last)
            {
                record["response_status"] = status == 0 ? "internal error" : status.ToString(CultureInfo.InvariantCulture);
                store.Write(tx =>
                {
                    tx.Put(Kinds.HookEvent, eventId, hook.Long("project_id"), record);
                    return 0;
                });
                if (delivered)
                {
                    Log.Delivered(logger, record.Str("event_header"), eventId, hook.Long("id"), status);
                }

                return;
            }

            Log.DeliveryFailed(logger, record.Str("event_header"), eventId, hook.Long("id"), attempt, body);
            await Task.Delay(RetryDelays[attempt - 1], time, cancellationToken);
        }
    }

    private async Task<(int Status, string Body, double Elapsed, JsonObject Headers)> SendAsync(JsonObject record, JsonObject hook, CancellationToken cancellationToken)
    {
        var headers = new JsonObject
        {
            ["Content-Type"] = "application/json",
            ["User-Agent"] = "GitLab/18.0.0-sandbox",
            ["X-Gitlab-Event"] = record.Str("event_header"),
            ["X-Gitlab-Instance"] = InstanceUrl,
            ["X-Gitlab-Webhook-UUID"] = record.Str("webhook_uuid"),
            ["X-Gitlab-Event-UUID"] = record.Str("event_uuid"),
            ["Idempotency-Key"] = record.Str("idempotency_key"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Str("url"))
        {
            Content = new StringContent(record["request_data"]!.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers.Where(h => h.Key != "Content-Type"))
        {
            request.Headers.TryAddWithoutValidation(name, value!.ToString());
        }

        if (hook.OptStr("token") is { Length: > 0 } token)
        {
            // The secret goes on the wire only; the stored request headers show it redacted, as GitLab's logs do.
            request.Headers.TryAddWithoutValidation("X-Gitlab-Token", token);
            headers["X-Gitlab-Token"] = "[REDACTED]";
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var http = httpFactory.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return ((int)response.StatusCode, body, watch.Elapsed.TotalSeconds, headers);
        }
        catch (HttpRequestException ex)
        {
            return (0, ex.Message, watch.Elapsed.TotalSeconds, headers);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, ex.Message, watch.Elapsed.TotalSeconds, headers);
        }
    }
}
