using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace RagnarokOps.Sandbox.Tests.Webhooks;

/// <summary>A tiny HTTP receiver on a free loopback port that records every webhook POST.</summary>
internal sealed class HookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly Queue<int> _statuses;
    private readonly Task _loop;

    public HookListener(params int[] statuses)
    {
        _statuses = new Queue<int>(statuses);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>Idempotency keys of the deliveries this receiver refused (answered non-200).</summary>
    public Channel<string> Refused { get; } = Channel.CreateUnbounded<string>();

    internal sealed record Received(IReadOnlyDictionary<string, string> Headers, JsonObject Body)
    {
        public string Event => Headers["X-Gitlab-Event"];
    }

    /// <summary>The next delivery whose X-Gitlab-Event is <paramref name="kind"/>, skipping others.</summary>
    public async Task<Received> NextAsync(string kind, List<Received>? seen = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var received = await _received.Reader.ReadAsync(timeout.Token);
            seen?.Add(received);
            if (received.Event == kind)
            {
                return received;
            }
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            int status;
            lock (_statuses)
            {
                status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
            }

            context.Response.StatusCode = status;
            context.Response.Close();
            if (status == 200)
            {
                _received.Writer.TryWrite(new Received(headers, body));
            }
            else
            {
                Refused.Writer.TryWrite(headers["Idempotency-Key"]);
            }
        }
    }

    public void Dispose()
    {
        // Close alone: after Stop, Close unregisters the prefix a second time, and the managed HttpListener then
        // re-binds the port to look it up, failing with "Address already in use" when another socket has it.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
