using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.LocalEngine;

internal static class LocalEngineServiceCollectionExtensions
{
    /// <summary>
    /// The local engine (<see cref="LocalTaskHub"/>) plus Microsoft.DurableTask's gRPC worker with the given tasks and
    /// its client, connected to it. The hub starts before the worker: hosted services start in registration order.
    /// </summary>
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services, HostConfiguration configuration, Action<DurableTaskRegistry> tasks)
    {
        services.AddSingleton<LocalTaskHub>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalTaskHub>());
        var durable = configuration.Host.DurableTask;
        services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(tasks);
            b.UseGrpc();
            services.AddOptions<GrpcDurableTaskWorkerOptions>(b.Name).Configure<LocalTaskHub>((o, hub) => o.Channel = hub.Channel);
            b.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = durable.MaxConcurrentActivityFunctions;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = durable.MaxConcurrentOrchestratorFunctions;
            });
        });
        services.AddDurableTaskClient(b =>
        {
            b.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(b.Name).Configure<LocalTaskHub>((o, hub) => o.Channel = hub.Channel);
        });
        return services;
    }
}
