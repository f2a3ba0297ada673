using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.Artifacts;

/// <summary>
/// A real Azurite blob service for the test run: tools/node_modules/.bin/azurite-blob on a free loopback
/// port, in memory, checking API versions (so the tests show that the Blob client's pinned service version is
/// one this Azurite accepts). Runs <c>npm ci</c> in tools/ first when the package is not installed. If Azurite
/// cannot start, every test that uses it fails with the reason: no silent skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's published development account key (the same for every installation; not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private readonly TempDirectory _workspace = new("ragnarok-azurite");
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The development account's connection string, pointed at this Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(RepoPaths.Root, "tools");
        var azurite = Path.Combine(tools, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!File.Exists(azurite))
        {
            await RunNpmCiAsync(tools);
        }

        Port = FreePort();
        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = _workspace.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--loose", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {azurite}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync(Port))
        {
            if (_process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"Azurite did not start on 127.0.0.1:{Port} (exit code {(_process.HasExited ? _process.ExitCode : "none, still running")}). Output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _workspace.Dispose();
        return Task.CompletedTask;
    }

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

    /// <summary>A loopback port that nothing listens on (bound, read, released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
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

    private static async Task RunNpmCiAsync(string tools)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm; install Node.js and run `npm ci` in tools/");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"`npm ci` in {tools} failed with exit code {npm.ExitCode}; Azurite is needed by the artifact store tests:\n{await stdout}\n{await stderr}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
