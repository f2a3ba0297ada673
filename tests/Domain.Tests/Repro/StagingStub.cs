using System.Net;
using System.Net.Sockets;

namespace RagnarokOps.Domain.Tests.Repro;

/// <summary>A real HTTP server on 127.0.0.1 standing in for staging: answers one status, records what it got.</summary>
internal sealed class StagingStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StagingStub(int status)
    {
        Status = status;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public int Status { get; set; }

    public List<(string Method, string RawUrl, Dictionary<string, string?> Headers, string Body)> Requests { get; } = [];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept, which is how it stops.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k], StringComparer.OrdinalIgnoreCase), body));
            }

            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }
}
