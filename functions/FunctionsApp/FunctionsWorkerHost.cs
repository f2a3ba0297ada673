using Microsoft.Azure.Functions.Worker.Builder;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>
/// The Azure Functions isolated worker: what the executable becomes when the Functions host (on Azure, or
/// <c>func start</c>) launches it. The Functions host owns HTTP, timers and the Durable Task engine; this process
/// runs the triggers with the same services the local host uses.
/// </summary>
internal static class FunctionsWorkerHost
{
    /// <summary>The Functions host starts its worker with these arguments (older hosts: --host/--port/--workerId).</summary>
    public static bool IsLaunchedByFunctionsHost(IReadOnlyList<string> args) =>
        args.Any(a => a is "--functions-uri" or "--functions-worker-id" or "--workerId");

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = HostConfiguration.Load(HostConfiguration.FindContentRoot(null, AppContext.BaseDirectory));
        await Build(args, configuration).RunAsync();
        return 0;
    }

    /// <summary>The worker with every service its triggers resolve; nothing connects until it runs.</summary>
    public static IHost Build(string[] args, HostConfiguration configuration)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddConfiguration(configuration.Configuration);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddScoped<InvocationClient>();
        builder.Services.AddScoped(sp => new Escalations.EngineClient(sp.GetRequiredService<InvocationClient>().Client));
        builder.Services.AddScoped<ICheckStatusLinks, FunctionsCheckStatusLinks>();
        builder.Services.AddEscalationServices(configuration, HostPaths.From(configuration));
        return builder.Build();
    }
}
