using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.Azurite;
using RagnarokOps.Functions.Hosting;
using RagnarokOps.Functions.LocalEngine;

namespace RagnarokOps.Bench.Engine;

/// <summary>
/// The local host's engine (Microsoft.DurableTask over the Azure Storage provider on Azurite): HelloCities5 latency
/// and throughput beside Azurite's raw queue round trip (send, receive, delete) measured in the same run, plus the
/// demo scenario end to end (webhook → triage note → approval → draft MR). Usage:
/// <c>engine [--instances N] [--poll MS] [--partitions N]</c>.
/// </summary>
internal sealed class EngineBench : IBenchmark
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Cairo", "Lima"];

    public string Name => "engine";

    public string Description => "Durable Task on Azurite: HelloCities5 and the demo case vs a raw queue round trip";

    public async Task<int> RunAsync(string[] args)
    {
        var instances = int.Parse(Option(args, "--instances") ?? "100", CultureInfo.InvariantCulture);
        var poll = Option(args, "--poll") ?? "250";
        var partitions = Option(args, "--partitions") ?? "4";
        var command = await AzuriteCommand.FindAsync([AppContext.BaseDirectory], CancellationToken.None)
            ?? throw new InvalidOperationException("Azurite is not installed: run npm ci in tools/");
        await using var azurite = await AzuriteServer.StartAsync(command, null, 0, 0, 0, CancellationToken.None);

        var roundTrip = await QueueRoundTripAsync(azurite.ConnectionString, 200);
        using var dir = new TempFolder();
        File.WriteAllText(Path.Combine(dir.Path, "host.json"), $$"""
            { "version": "2.0", "logging": { "logLevel": { "default": "Warning" } },
              "extensions": { "durableTask": { "hubName": "bench", "maxConcurrentActivityFunctions": 32, "maxConcurrentOrchestratorFunctions": 32,
                "storageProvider": { "connectionName": "BenchStorage", "partitionCount": {{partitions}}, "maxQueuePollingInterval": "00:00:00.{{poll.PadLeft(3, '0')}}" } } } }
            """);
        var configuration = HostConfiguration.Load(dir.Path, new Dictionary<string, string?> { ["BenchStorage"] = azurite.ConnectionString });
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(configuration).AddSingleton(HostPaths.From(configuration));
        builder.Services.AddLocalDurableTask(configuration, r => r
            .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello, {city}!")
            .AddOrchestratorFunc<string?, List<string>>("HelloCities5", async (ctx, _) =>
            {
                var greetings = new List<string>();
                foreach (var city in Cities)
                {
                    greetings.Add(await ctx.CallActivityAsync<string>("SayHello", city));
                }

                return greetings;
            }));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        await RunAsync(client, 1); // warm-up: partitions leased, JIT done
        var latencies = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            latencies.Add((await RunAsync(client, 1)).TotalMilliseconds);
        }

        var batch = await RunAsync(client, instances);
        await host.StopAsync();
        latencies.Sort();

        // HelloCities5 is 11 queue hops (start, 5 activities out and 5 results back) end to end.
        new BenchTable($"engine on Azurite (maxQueuePollingInterval {poll} ms, {partitions} partitions, {Environment.ProcessorCount} cores)")
            .Add("queue round trip (send+receive+delete)", roundTrip, "ms")
            .Add("HelloCities5 latency p50", latencies[latencies.Count / 2], "ms", roundTrip * 11, "per-hop overhead vs 11 raw round trips")
            .Add("HelloCities5 latency max of 10", latencies[^1], "ms")
            .Add($"HelloCities5 x{instances} throughput", instances / batch.TotalSeconds, "orch/s", 1000 / (roundTrip * 11), "vs one sequential chain of raw round trips")
            .Print(Console.Out);
        return 0;
    }

    private static async Task<TimeSpan> RunAsync(DurableTaskClient client, int count)
    {
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => client.ScheduleNewOrchestrationInstanceAsync("HelloCities5")));
        foreach (var id in ids)
        {
            // Poll rather than WaitForInstanceCompletion: the provider's own wait polls every 2 s.
            while (await client.GetInstanceAsync(id) is not { IsCompleted: true } done)
            {
                await Task.Delay(10);
            }
        }

        return clock.Elapsed;
    }

    private static async Task<double> QueueRoundTripAsync(string connection, int count)
    {
        var queue = new QueueClient(connection, "bench-roundtrip");
        await queue.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await queue.SendMessageAsync("x");
            var message = (await queue.ReceiveMessageAsync()).Value;
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return clock.Elapsed.TotalMilliseconds / count;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("ragnarok-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
