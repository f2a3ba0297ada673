using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Postgres;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Tests.Postgres;

/// <summary>The engine on a real PostgreSQL server: the same behaviour as on SQLite, and several workers on one hub.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEngineTests(PostgresServer server)
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London"];

    [Fact]
    public async Task SequentialActivities_CompleteInOrder_WithTheInstanceHeldWhileEachRuns()
    {
        var schema = PostgresServer.NewSchema();
        var owners = new List<string?>();
        await using var engine = await EngineHost.StartPostgresAsync(r => r
            .AddActivityFunc<string, string>("SayHello", async (ctx, city) =>
            {
                owners.Add(await LockOwnerAsync(schema, ctx.InstanceId));
                return $"Hello {city}!";
            })
            .AddOrchestratorFunc<object?, List<string>>("HelloCities", async (ctx, _) =>
            {
                var results = new List<string>();
                foreach (var city in Cities)
                {
                    results.Add(await ctx.CallActivityAsync<string>("SayHello", city));
                }

                return results;
            }), server.ConnectionString, schema);

        var result = await engine.RunAsync("HelloCities");
        var history = await engine.Services.GetRequiredService<IOrchestrationStore>().GetHistoryAsync(result.InstanceId, CancellationToken.None);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], result.ReadOutputAs<List<string>>());
        Assert.All(owners, o => Assert.EndsWith(LockOwners.HeldSuffix, o!, StringComparison.Ordinal));
        Assert.Equal(3, history.Count(e => e.Type == EventType.TaskCompleted));
        Assert.Equal(0L, await CountAsync(schema, "SELECT COUNT(*) FROM {s}.new_tasks") + await CountAsync(schema, "SELECT COUNT(*) FROM {s}.new_events"));
    }

    [Fact]
    public async Task FanOutTimersEventsSubOrchestrationsAndContinueAsNew_BehaveAsOnSqlite()
    {
        await using var engine = await EngineHost.StartPostgresAsync(r => r
            .AddActivityFunc<int, int>("Square", (_, n) => n * n)
            .AddOrchestratorFunc<int, long>("FanOut", async (ctx, n) =>
                (await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Square", i)))).Sum(x => (long)x))
            .AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
            {
                if (n < 2)
                {
                    await ctx.CreateTimer(TimeSpan.FromMilliseconds(50), CancellationToken.None);
                    ctx.ContinueAsNew(n + 1);
                    return -1;
                }

                var child = await ctx.CallSubOrchestratorAsync<long>("FanOut", 10);
                return (int)child + await ctx.WaitForExternalEvent<int>("add");
            }), server.ConnectionString, PostgresServer.NewSchema());

        var fan = await engine.RunAsync("FanOut", 200);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        await engine.Client.RaiseEventAsync(id, "ADD", 1000); // early, differently cased: buffered until awaited
        var counter = await engine.CompleteAsync(id);

        Assert.Equal(Enumerable.Range(0, 200).Sum(i => (long)i * i), fan.ReadOutputAs<long>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, counter.RuntimeStatus);
        Assert.Equal(285 + 1000, counter.ReadOutputAs<int>());
        Assert.Equal(2, counter.ReadInputAs<int>());
    }

    [Fact]
    public async Task TerminateSuspendResumeAndPurge_WorkOnAHeldInstance()
    {
        var gate = new SemaphoreSlim(0);
        await using var engine = await EngineHost.StartPostgresAsync(r => r
            .AddActivityFunc<string, string>("Slow", async (_, s) =>
            {
                await gate.WaitAsync();
                return s!;
            })
            .AddOrchestratorFunc<object?, string>("Waits", async (ctx, _) =>
            {
                var s = await ctx.CallActivityAsync<string>("Slow", "x");
                return s + await ctx.WaitForExternalEvent<string>("go");
            }), server.ConnectionString, PostgresServer.NewSchema());
        var suspended = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        var terminated = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await engine.Client.WaitForInstanceStartAsync(suspended);
        await engine.Client.WaitForInstanceStartAsync(terminated);

        await engine.Client.TerminateInstanceAsync(terminated, "stop");
        var end = await engine.CompleteAsync(terminated);
        await engine.Client.SuspendInstanceAsync(suspended);
        await engine.Client.RaiseEventAsync(suspended, "go", "!");
        gate.Release(2);
        await WaitForStatusAsync(engine, suspended, OrchestrationRuntimeStatus.Suspended);
        await Task.Delay(300);
        var whileSuspended = await engine.Client.GetInstanceAsync(suspended);
        await engine.Client.ResumeInstanceAsync(suspended);
        var resumed = await engine.CompleteAsync(suspended);
        var purged = await engine.Client.PurgeInstanceAsync(terminated);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, end.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, whileSuspended!.RuntimeStatus);
        Assert.Equal("x!", resumed.ReadOutputAs<string>());
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync(terminated));
    }

    [Fact]
    public async Task TwoWorkersOnOneHub_ShareTheWork_AndEveryStepCommitsOnce()
    {
        const int instances = 40;
        var schema = PostgresServer.NewSchema();
        var runs = new int[2];
        void Tasks(DurableTaskRegistry r, int worker) => r
            .AddActivityFunc<int, int>("Double", async (_, n) =>
            {
                Interlocked.Increment(ref runs[worker]);
                await Task.Delay(2);
                return n * 2;
            })
            .AddOrchestratorFunc<int, int>("Chain", async (ctx, seed) =>
            {
                var total = 0;
                for (var i = 0; i < 5; i++)
                {
                    total += await ctx.CallActivityAsync<int>("Double", seed + i);
                }

                var fan = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => ctx.CallActivityAsync<int>("Double", i)));
                return total + fan.Sum();
            });
        await using var first = await EngineHost.StartPostgresAsync(r => Tasks(r, 0), server.ConnectionString, schema);
        await using var second = await EngineHost.StartPostgresAsync(r => Tasks(r, 1), server.ConnectionString, schema);

        var ids = new List<string>();
        for (var i = 0; i < instances; i++)
        {
            ids.Add(await (i % 2 == 0 ? first : second).Client.ScheduleNewOrchestrationInstanceAsync("Chain", i));
        }

        var results = new List<OrchestrationMetadata>();
        foreach (var id in ids)
        {
            results.Add(await first.CompleteAsync(id));
        }

        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal((10 * x.i) + 20 + 20, x.r.ReadOutputAs<int>()));
        Assert.All(runs, n => Assert.True(n > 0, "each worker should have run activities"));
        Assert.Equal(instances * 10L, await CountAsync(schema, "SELECT COUNT(*) FROM {s}.history WHERE event_type = 4"));
        Assert.Equal(0L, await CountAsync(schema, """
            SELECT COUNT(*) FROM (SELECT instance_id, event_type, task_id FROM {s}.history
            WHERE event_type IN (3, 4) GROUP BY instance_id, event_type, task_id HAVING COUNT(*) > 1) d
            """));
    }

    [Fact]
    public async Task WorkerKilledWithSigkill_Restarted_EveryInstanceCompletesAndNoStepCommitsTwice()
    {
        using var dir = new RagnarokOps.Tests.Shared.TempDirectory("durable-crash-pg");
        var schema = PostgresServer.NewSchema();
        await Worker.CrashScenario.RunAsync(new Worker.CrashHub(
            b => b.UsePostgres(o => (o.ConnectionString, o.Schema) = (server.ConnectionString, schema)),
            ["postgres", server.ConnectionString, schema, dir.Combine("release")],
            dir.Combine("release"),
            sql => CountAsync(schema, sql),
            Worker.CrashHub.PostgresQueries(schema)));
    }

    [Fact]
    public async Task SchemaCreatedByTwoStoresAtOnce_IsCreatedOnce_AndANewerVersionIsRefused()
    {
        var schema = PostgresServer.NewSchema();
        var options = new PostgresStorageOptions { ConnectionString = server.ConnectionString, Schema = schema };
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            new PostgresOrchestrationStore(options, StoreSettings.Default, TimeProvider.System))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await using (var c = new NpgsqlConnection(server.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"INSERT INTO {schema}.schema_version VALUES (99, 0)", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new PostgresOrchestrationStore(options, StoreSettings.Default, TimeProvider.System));

        Assert.Equal(1L, await CountAsync(schema, "SELECT COUNT(*) FROM {s}.schema_version WHERE version = 1"));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PostgresOrchestrationStore(
            new PostgresStorageOptions { ConnectionString = server.ConnectionString, Schema = "x; DROP TABLE y" }, StoreSettings.Default, TimeProvider.System));
    }

    private static async Task WaitForStatusAsync(EngineHost engine, string id, OrchestrationRuntimeStatus status) =>
        await TaskHubFile.WaitUntilAsync(async () => (await engine.Client.GetInstanceAsync(id))?.RuntimeStatus == status, EngineHost.Timeout);

    private async Task<string?> LockOwnerAsync(string schema, string instanceId)
    {
        await using var c = new NpgsqlConnection(server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT lock_owner FROM {schema}.instances WHERE instance_id = @i", c);
        cmd.Parameters.AddWithValue("i", instanceId);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private async Task<long> CountAsync(string schema, string sql)
    {
        await using var c = new NpgsqlConnection(server.ConnectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql.Replace("{s}", schema, StringComparison.Ordinal), c);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
