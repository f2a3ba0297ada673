using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace RagnarokOps.Sandbox.Mail;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port that keeps every message it is given, parsed: the
/// mail side of the sandbox, for the incident demo and the tests. Plain SMTP, no authentication, nothing relayed.
/// </summary>
public sealed class SandboxSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly SemaphoreSlim _arrived = new(0);

    /// <param name="port">0 picks a free loopback port.</param>
    public SandboxSmtpServer(int port = 0)
    {
        // A port found free can be taken (by another test's outbound connection) before the server binds it; the bind
        // happens before StartAsync's first await, so a taken port shows as a task already faulted: pick another one.
        for (var attempt = 1; ; attempt++)
        {
            Port = port == 0 ? FreePort() : port;
            _running = Start(Port);
            if (port != 0 || attempt == 5 || _running.Exception?.InnerException is not SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                break;
            }
        }
    }

    private Task Start(int port)
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        return new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message received, oldest first.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>When each message was accepted (wall clock), in the order of <see cref="Messages"/>; benches time mail from it.</summary>
    public ConcurrentQueue<DateTimeOffset> ArrivedAt { get; } = new();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first message (in arrival order) matching <paramref name="match"/>, waiting for it to arrive.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        while (true)
        {
            if (Messages.FirstOrDefault(match) is { } message)
            {
                return message;
            }

            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private sealed class Store(SandboxSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            server.ArrivedAt.Enqueue(DateTimeOffset.UtcNow);
            server.Messages.Enqueue(message);
            server._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
