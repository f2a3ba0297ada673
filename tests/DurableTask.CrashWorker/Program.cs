using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.DurableTask;
using RagnarokOps.DurableTask.Worker;

// Usage: CrashWorker <database path>. Runs a worker over the database until killed; the crash test
// schedules "CrashFlow" instances, kills this process mid-run, starts it again and checks the outcome.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: CrashWorker <database path>");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddDurableTaskWorker(b => b
    .AddTasks(r => r
        .AddActivityFunc<int, int>("Double", async (_, n) =>
        {
            await Task.Delay(5).ConfigureAwait(false);
            return n * 2;
        })
        .AddOrchestratorFunc<int, int>("CrashFlow", async (ctx, seed) =>
        {
            var total = 0;
            for (var i = 0; i < 10; i++)
            {
                total += await ctx.CallActivityAsync<int>("Double", seed + i);
            }

            var fan = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ctx.CallActivityAsync<int>("Double", i)));
            return total + fan.Sum();
        }))
    .UseSqlite(args[0])
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
