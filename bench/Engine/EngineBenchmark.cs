using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.DurableTask;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.Bench.Engine;

/// <summary>
/// HelloCities5 and a 1,000-activity fan-out on the durable engine, beside the raw SQLite commit rate measured
/// on the same disk in the same run. Usage: <c>engine [--db PATH] [--instances N] [--resume]</c>.
/// </summary>
internal sealed class EngineBenchmark : IBenchmark
{
    // Logical write transactions per HelloCities5 instance: start, 6 orchestration steps, 5 activity completions.
    private const int TransactionsPerHelloCities = 12;
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Cairo", "Lima"];

    public string Name => "engine";

    public string Description => "durable engine: HelloCities5, 1,000-activity fan-out, vs raw SQLite commits";

    public async Task<int> RunAsync(string[] args)
    {
        var db = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"ragnarok-bench-{Guid.NewGuid():N}", "hub.db");
        var instances = int.Parse(Option(args, "--instances") ?? "1000", CultureInfo.InvariantCulture);
        var resume = args.Contains("--resume");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);

        using var host = BuildHost(db);
        await host.StartAsync().ConfigureAwait(false);
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        try
        {
            return resume ? await ResumeAsync(db).ConfigureAwait(false) : await MeasureAsync(client, (SqliteOrchestrationStore)host.Services.GetRequiredService<IOrchestrationStore>(), db, instances).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> MeasureAsync(DurableTaskClient client, SqliteOrchestrationStore store, string db, int instances)
    {
        var raw = RawCommitRate.Measure(Path.GetDirectoryName(Path.GetFullPath(db))!, TimeSpan.FromSeconds(3));

        await RunBatchAsync(client, db, "warmup", 50).ConfigureAwait(false);
        var before = store.WriterStats;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (hello, latencies) = await RunBatchAsync(client, db, "hello", instances).ConfigureAwait(false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var after = store.WriterStats;
        var helloPerSecond = instances / hello.TotalSeconds;

        // Latency of one instance at a time (no queue in front of it).
        var single = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("HelloCities5").ConfigureAwait(false);
            await client.WaitForInstanceCompletionAsync(id).ConfigureAwait(false);
            single.Add(watch.Elapsed.TotalMilliseconds);
        }

        single.Sort();
        await client.WaitForInstanceCompletionAsync(
            await client.ScheduleNewOrchestrationInstanceAsync("FanOut", 100).ConfigureAwait(false)).ConfigureAwait(false);
        var fanOutRates = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var id = await client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1000).ConfigureAwait(false);
            var done = await client.WaitForInstanceCompletionAsync(id).ConfigureAwait(false);
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                Console.Error.WriteLine($"fan-out ended {done.RuntimeStatus}");
                return 1;
            }

            fanOutRates.Add(1000 / watch.Elapsed.TotalSeconds);
        }

        latencies.Sort();
        var limit = raw / TransactionsPerHelloCities;
        new BenchTable($"durable engine on {Path.GetDirectoryName(Path.GetFullPath(db))} ({instances} HelloCities5 instances)")
            .Add("raw SQLite commits (1 row each)", raw, "commits/s")
            .Add("HelloCities5 orchestrations", helloPerSecond, "orch/s", limit, ">= 400 orch/s, >= 0.50x")
            .Add("HelloCities5 logical transactions", helloPerSecond * TransactionsPerHelloCities, "tx/s", raw)
            .Add("HelloCities5 activities", helloPerSecond * Cities.Length, "act/s")
            .Add("HelloCities5 latency p50 (burst)", Percentile(latencies, 0.50), "ms")
            .Add("HelloCities5 latency p95 (burst)", Percentile(latencies, 0.95), "ms")
            .Add("HelloCities5 latency p50 (single)", Percentile(single, 0.50), "ms")
            .Add("HelloCities5 latency p95 (single)", Percentile(single, 0.95), "ms")
            .Add("HelloCities5 writer commits", after.Commits - before.Commits, "commits")
            .Add("HelloCities5 writes per commit", (after.Writes - before.Writes) / (double)Math.Max(1, after.Commits - before.Commits), "writes")
            .Add("HelloCities5 writes per orch", (after.Writes - before.Writes) / (double)instances, "writes", TransactionsPerHelloCities)
            .Add("HelloCities5 writer busy", TimeSpan.FromTicks((long)((after.BusyTicks - before.BusyTicks) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency))).TotalMilliseconds / hello.TotalMilliseconds * 100, "% of run")
            .Add("HelloCities5 process CPU", cpu.TotalMilliseconds / hello.TotalMilliseconds * 100, "% of 1 core")
            .Add("HelloCities5 CPU per orch", cpu.TotalMilliseconds / instances, "ms")
            .Add("HelloCities5 orch/s per free core", instances / cpu.TotalSeconds, "orch/s", limit, ">= 400 orch/s")
            .Add("fan-out 1,000 activities (median of 3)", fanOutRates.Order().ElementAt(1), "act/s", null, ">= 2000 act/s")
            .Print(Console.Out);
        Console.WriteLine($"baseline for orch/s = raw commits/s / {TransactionsPerHelloCities} (start + 6 steps + 5 activity completions)");
        Console.WriteLine($"machine load average while measuring: {LoadAverage()} on {Environment.ProcessorCount} cores");
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, List<double> LatenciesMs)> RunBatchAsync(
        DurableTaskClient client, string db, string prefix, int count)
    {
        // Starts arrive concurrently, as webhooks do; the engine groups their commits.
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync("HelloCities5", new StartOrchestrationOptions($"{prefix}-{i}"), ct)
                .ConfigureAwait(false)).ConfigureAwait(false);

        while (await CountAsync(db, $"SELECT COUNT(*) FROM Instances WHERE InstanceId LIKE '{prefix}-%' AND Status IN (1, 3, 5)").ConfigureAwait(false) < count)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        var elapsed = watch.Elapsed;
        var latencies = new List<double>(count);
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT LastUpdatedAt - CreatedAt FROM Instances WHERE InstanceId LIKE '{prefix}-%'";
        await using var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        while (await r.ReadAsync().ConfigureAwait(false))
        {
            latencies.Add(TimeSpan.FromTicks(r.GetInt64(0)).TotalMilliseconds);
        }

        return (elapsed, latencies);
    }

    private static async Task<int> ResumeAsync(string db)
    {
        var open = await CountAsync(db, "SELECT COUNT(*) FROM Instances WHERE Status IN (0, 6)").ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        while (await CountAsync(db, "SELECT COUNT(*) FROM Instances WHERE Status IN (0, 6)").ConfigureAwait(false) > 0
            && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        var left = await CountAsync(db, "SELECT COUNT(*) FROM Instances WHERE Status IN (0, 6)").ConfigureAwait(false);
        new BenchTable($"resume of {db}")
            .Add("instances unfinished at start", open, "instances")
            .Add("instances finished by this run", open - left, "instances", open)
            .Add("time to finish", watch.Elapsed.TotalSeconds, "s")
            .Print(Console.Out);
        return left == 0 ? 0 : 1;
    }

    private static IHost BuildHost(string db)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDurableTaskWorker(b => b
            .AddTasks(r => r
                .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello {city}!")
                .AddActivityFunc<int, int>("Square", (_, n) => n * n)
                .AddOrchestratorFunc<object?, List<string>>("HelloCities5", async (ctx, _) =>
                {
                    var results = new List<string>(Cities.Length);
                    foreach (var city in Cities)
                    {
                        results.Add(await ctx.CallActivityAsync<string>("SayHello", city));
                    }

                    return results;
                })
                .AddOrchestratorFunc<int, long>("FanOut", async (ctx, n) =>
                {
                    var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
                    return results.Sum(x => (long)x);
                }))
            .UseSqlite(db));
        builder.Services.AddDurableTaskClient();
        return builder.Build();
    }

    private static async Task<int> CountAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt32(await cmd.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
