using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.Azurite;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.LocalEngine;

/// <summary>
/// The local host's Durable Task engine: DurableTask.Core's <see cref="AzureStorageOrchestrationService"/> (the
/// engine and storage layout Durable Functions uses by default) behind the <see cref="TaskHubGrpcServer"/> of
/// Microsoft.DurableTask.InProcessTestHost, on a loopback HTTP/2 port. The worker and client of
/// Microsoft.DurableTask.*.Grpc talk to it over <see cref="Channel"/>, exactly as they talk to the Functions host's
/// sidecar on Azure. With development storage and nothing listening, it starts Azurite and stops it on exit.
/// </summary>
internal sealed partial class LocalTaskHub : IHostedService, IAsyncDisposable
{
    private readonly HostConfiguration _configuration;
    private readonly HostPaths _paths;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly int _port = LoopbackPort.Free();
    private WebApplication? _sidecar;
    private AzuriteServer? _azurite;
    private int _disposed;

    public LocalTaskHub(HostConfiguration configuration, HostPaths paths, ILoggerFactory loggers)
    {
        (_configuration, _paths, _loggers) = (configuration, paths, loggers);
        _log = loggers.CreateLogger<LocalTaskHub>();
        Storage = TaskHubStorage.From(configuration);
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
    }

    /// <summary>Where the worker and the client reach the engine.</summary>
    public GrpcChannel Channel { get; }

    public TaskHubStorage Storage { get; }

    public string HubName => _configuration.Host.DurableTask.HubName;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Storage.IsDevelopmentStorage && !await AzuriteServer.ListensAsync(10001))
        {
            _azurite = await StartAzuriteAsync(cancellationToken);
        }

        var service = new GuardedOrchestrationService(
            new AzureStorageOrchestrationService(TaskHubSettings.For(_configuration.Host.DurableTask, Storage, _configuration.Configuration[LocalEngineSettings.WorkerIdKey], _loggers)),
            new ActivityDeliveryLimit(MaxActivityDeliveries(), _loggers.CreateLogger<ActivityDeliveryLimit>()));
        try
        {
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new HostConfigurationException(
                $"{_configuration.Host.DurableTask.ConnectionName}: the task hub \"{HubName}\" could not be created on {Storage.Description}: {FirstLine(ex)}");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggers);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);
        Log.Started(_log, HubName, Storage.Description, _port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            // The dispatcher waits for work the worker already stopped taking; it need not wait long.
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(TimeSpan.FromSeconds(5));
            await _sidecar.StopAsync(bounded.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as a singleton and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }

        Channel.Dispose();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private async Task<AzuriteServer> StartAzuriteAsync(CancellationToken cancellationToken)
    {
        var command = await AzuriteCommand.FindAsync([_configuration.ContentRoot, AppContext.BaseDirectory, Directory.GetCurrentDirectory()], cancellationToken)
            ?? throw new HostConfigurationException(
                $"{_configuration.Host.DurableTask.ConnectionName}=UseDevelopmentStorage=true, but nothing listens on 127.0.0.1:10001 and Azurite is not installed " +
                "(no tools/package.json above the host): start Azurite yourself, or set a storage connection string");
        var inMemory = string.Equals(_configuration.Configuration[LocalEngineSettings.AzuriteInMemoryKey], "true", StringComparison.OrdinalIgnoreCase);
        var location = inMemory ? null : Path.Combine(_paths.DataDirectory, "azurite");
        var server = await AzuriteServer.StartAsync(command, location, 10000, 10001, 10002, cancellationToken);
        Log.AzuriteStarted(_log, location ?? "memory", server.ProcessId);
        return server;
    }

    private int MaxActivityDeliveries()
    {
        var value = _configuration.Configuration[LocalEngineSettings.MaxActivityDeliveriesKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return LocalEngineSettings.DefaultMaxActivityDeliveries;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new HostConfigurationException($"{LocalEngineSettings.MaxActivityDeliveriesKey}: \"{value}\" is not a whole number of at least 1");
    }

    private static string FirstLine(Exception ex) => ex.Message.Split('\n', 2)[0].Trim();

    private static partial class Log
    {
        [LoggerMessage(5101, LogLevel.Information, "Task hub {HubName} on {Storage}, engine on 127.0.0.1:{Port}")]
        public static partial void Started(ILogger logger, string hubName, string storage, int port);

        [LoggerMessage(5102, LogLevel.Information, "Started Azurite on 127.0.0.1:10000-10002 (data: {Location}, pid {Pid}); it stops with the host")]
        public static partial void AzuriteStarted(ILogger logger, string location, int pid);
    }
}
