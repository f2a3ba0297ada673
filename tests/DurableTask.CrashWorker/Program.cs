using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.DurableTask;
using RagnarokOps.DurableTask.Worker;

// Usage: CrashWorker <database path> | CrashWorker postgres <connection string> <schema> <release file>.
// Runs a worker over the task hub until killed; the crash test schedules "CrashFlow" instances, kills this
// process mid-run, starts it again and checks the outcome.
var postgres = args is ["postgres", _, _, _];
if (args.Length != 1 && !postgres)
{
    Console.Error.WriteLine("usage: CrashWorker <database path> | CrashWorker postgres <connection string> <schema> <release file>");
    return 2;
}

// Instances with seed >= 20 wait at a gate until the test creates this file, so the first run cannot finish them.
var release = postgres ? args[3] : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(args[0]))!, "release");
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddDurableTaskWorker(b => b
    .AddTasks(r => r
        .AddActivityFunc<int, int>("Double", async (_, n) =>
        {
            await Task.Delay(5).ConfigureAwait(false);
            return n * 2;
        })
        .AddActivityFunc<int, int>("Gate", async (_, seed) =>
        {
            while (seed >= 20 && !File.Exists(release))
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            return 0;
        })
        .AddOrchestratorFunc<int, int>("CrashFlow", async (ctx, seed) =>
        {
            var total = await ctx.CallActivityAsync<int>("Gate", seed);
            for (var i = 0; i < 10; i++)
            {
                total += await ctx.CallActivityAsync<int>("Double", seed + i);
            }

            var fan = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ctx.CallActivityAsync<int>("Double", i)));
            return total + fan.Sum();
        }))
    .UseStore(postgres, args)
    .Configure(o =>
    {
        // Short locks so the restarted worker takes over the dead one's work quickly.
        o.LockTimeout = TimeSpan.FromSeconds(2);
        o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
    }));
using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);
Console.WriteLine("worker started");
await host.WaitForShutdownAsync().ConfigureAwait(false);
return 0;

internal static class Hub
{
    public static IDurableTaskWorkerBuilder UseStore(this IDurableTaskWorkerBuilder builder, bool postgres, string[] args) =>
        postgres ? builder.UsePostgres(o => (o.ConnectionString, o.Schema) = (args[1], args[2])) : builder.UseSqlite(args[0]);
}
