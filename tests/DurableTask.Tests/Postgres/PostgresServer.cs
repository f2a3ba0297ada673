using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for the tests: a fresh cluster in a temporary folder (initdb), started on a free
/// loopback port (pg_ctl) and removed afterwards. Needs PostgreSQL's server binaries (Debian: <c>postgresql</c>,
/// which <c>.ci/run</c> installs); as root they run as the <c>postgres</c> user, as PostgreSQL requires.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("durable-postgres");
    private string _bin = string.Empty;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>A fresh schema name, so each test has a task hub of its own.</summary>
    public static string NewSchema() => "hub_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        var data = Path.Combine(_dir.Path, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres", _dir.Path], asPostgres: false);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-A", "trust", "-U", "ragnarok", "-E", "UTF8", "--no-sync"], asRoot);
        var port = FreePort();
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_dir.Path, "server.log"), "-w", "-t", "60",
             "-o", $"-p {port} -k {_dir.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"], asRoot);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=ragnarok;Database=postgres;Maximum Pool Size=40";
    }

    public async Task DisposeAsync()
    {
        if (_bin.Length > 0)
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir.Path, "data"), "-m", "immediate", "-w", "stop"],
                Environment.UserName == "root", throwOnError: false);
        }

        _dir.Dispose();
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderByDescending(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install Debian's postgresql package (.ci/run does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres, bool throwOnError = true)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
