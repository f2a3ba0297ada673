using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.Tests.Engine;

/// <summary>
/// Orchestrators and activities on Microsoft.DurableTask's in-process test host: the real worker, client and
/// dispatcher over gRPC, on the package's in-memory orchestration service. For replay and decision logic; the
/// hosts' tests run the same classes on Azure Storage (Azurite).
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private EngineHost(DurableTaskTestHost host) => _host = host;

    public DurableTaskClient Client => _host.Client;

    public IServiceProvider Services => _host.Services;

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Left alone, the package picks a random port in 30000–40000, inside the kernel's ephemeral range, so a
    /// parallel test process's outgoing connection can hold it (CI failed once on "address already in use").
    /// Ask the kernel for a free port instead, and take another if one is taken between asking and binding.
    /// </summary>
    public static async Task<EngineHost> StartAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new(await DurableTaskTestHost.StartAsync(tasks, new DurableTaskTestHostOptions { ConfigureServices = services, Port = FreePort() }));
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<OrchestrationMetadata> RunAsync(string orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await CompleteAsync(id);
    }

    public async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await Client.WaitForInstanceCompletionAsync(instanceId, true, cts.Token);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
