using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RagnarokOps.Connectors.Azurite;

/// <summary>
/// A running Azurite (the Azure Storage emulator, npm <c>azurite</c>) with blob, queue and table services on
/// loopback, started from the project's pinned tools (<c>tools/node_modules/.bin/azurite</c>) and stopped with it.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>The development account's documented key: public, the same in every Azurite.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output;
    private int _disposed;

    private AzuriteServer(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        (BlobPort, QueuePort, TablePort) = (blobPort, queuePort, tablePort);
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    /// <summary>A connection string for the development account on this server's ports.</summary>
    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>What Azurite printed, for the error when something fails.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentAccountKey +
        $";BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>
    /// Starts Azurite on the given ports (0: a free one each). <paramref name="location"/> keeps its data in that
    /// folder across restarts; null keeps it in memory. <paramref name="checkApiVersion"/> makes Azurite refuse service
    /// versions it does not know, as a test of a client's pinned version wants.
    /// </summary>
    public static async Task<AzuriteServer> StartAsync(
        AzuriteCommand command, string? location, int blobPort, int queuePort, int tablePort, CancellationToken cancellationToken, bool checkApiVersion = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        (blobPort, queuePort, tablePort) = (Or(blobPort), Or(queuePort), Or(tablePort));
        var start = new ProcessStartInfo(command.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = location ?? Path.GetTempPath(),
        };
        string[] args =
        [
            "--blobHost", "127.0.0.1", "--blobPort", Text(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Text(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(tablePort),
            "--loose", "--disableTelemetry", "--silent",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // DurableTask.AzureStorage's queue and table clients ask for service versions newer than Azurite knows.
        if (!checkApiVersion)
        {
            start.ArgumentList.Add("--skipApiVersionCheck");
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new AzuriteException($"could not start {command.Path}");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, output, blobPort, queuePort, tablePort);
        var clock = Stopwatch.StartNew();
        while (!(await ListensAsync(blobPort) && await ListensAsync(queuePort) && await ListensAsync(tablePort)))
        {
            if (process.HasExited || clock.Elapsed > StartTimeout)
            {
                var exit = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "none, still running";
                await server.DisposeAsync();
                throw new AzuriteException($"Azurite did not start on 127.0.0.1:{blobPort}/{queuePort}/{tablePort} (exit code {exit}). Output:\n{server.Output}");
            }

            await Task.Delay(50, cancellationToken);
        }

        return server;
    }

    /// <summary>Whether something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static int Or(int port) => port == 0 ? FreePort() : port;

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
