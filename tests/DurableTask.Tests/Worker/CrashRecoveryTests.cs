using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task WorkerKilledWithSigkill_Restarted_EveryInstanceCompletesAndNoStepCommitsTwice()
    {
        using var dir = new TempDirectory("durable-crash");
        var db = dir.Combine("hub.db");
        await CrashScenario.RunAsync(new CrashHub(
            b => b.UseSqlite(db),
            [db],
            dir.Combine("release"),
            sql => TaskHubFile.CountAsync(db, sql),
            CrashHub.SqliteQueries));
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>A task hub the crash scenario runs on: how the client and the worker process reach it, and how to count in it.</summary>
/// <param name="UseStore">Points the test's client at the hub.</param>
/// <param name="WorkerArgs">The crash worker's command line for the hub.</param>
/// <param name="ReleaseFile">The file whose creation lets gated instances go on.</param>
/// <param name="CountAsync">Runs one of <paramref name="Queries"/>.</param>
/// <param name="Queries">The scenario's counts in the hub's SQL.</param>
internal sealed record CrashHub(
    Action<IDurableTaskClientBuilder> UseStore,
    string[] WorkerArgs,
    string ReleaseFile,
    Func<string, Task<long>> CountAsync,
    CrashQueries Queries)
{
    public static CrashQueries SqliteQueries { get; } = new(
        "SELECT COUNT(*) FROM History WHERE EventType = 4",
        "SELECT COUNT(*) FROM History WHERE EventType = 3",
        "SELECT COUNT(*) FROM Instances WHERE Status = 1",
        "SELECT COUNT(*) FROM Instances WHERE LockOwner LIKE '%!held'",
        "SELECT COUNT(*) FROM (SELECT InstanceId, EventType, TaskId FROM History WHERE EventType IN (3, 4, 5, 9, 10) GROUP BY InstanceId, EventType, TaskId HAVING COUNT(*) > 1)",
        "SELECT COUNT(*) FROM NewTasks");

    public static CrashQueries PostgresQueries(string schema) => new(
        $"SELECT COUNT(*) FROM {schema}.history WHERE event_type = 4",
        $"SELECT COUNT(*) FROM {schema}.history WHERE event_type = 3",
        $"SELECT COUNT(*) FROM {schema}.instances WHERE status = 1",
        $"SELECT COUNT(*) FROM {schema}.instances WHERE lock_owner LIKE '%!held'",
        $"SELECT COUNT(*) FROM (SELECT instance_id, event_type, task_id FROM {schema}.history WHERE event_type IN (3, 4, 5, 9, 10) GROUP BY instance_id, event_type, task_id HAVING COUNT(*) > 1) d",
        $"SELECT COUNT(*) FROM {schema}.new_tasks");
}

internal sealed record CrashQueries(string ActivityResults, string ActivitiesScheduled, string Completed, string Held, string DuplicateSteps, string QueuedTasks);

/// <summary>
/// Runs the crash worker (tests/DurableTask.CrashWorker) as a separate process, kills it with SIGKILL mid-run,
/// starts it again and checks that every instance completed with each step committed once.
/// </summary>
internal static class CrashScenario
{
    private const int Instances = 40;

    public static async Task RunAsync(CrashHub hub)
    {
        var services = new ServiceCollection().AddDurableTaskClient(hub.UseStore).BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            var client = services.GetRequiredService<DurableTaskClient>();
            for (var i = 0; i < Instances; i++)
            {
                await client.ScheduleNewOrchestrationInstanceAsync("CrashFlow", i, new StartOrchestrationOptions($"crash-{i:D2}"));
            }

            long completedAtKill;
            long stepsAtKill;
            long heldAtKill;
            using (var first = StartWorker(hub))
            {
                // Kill once some activity results are committed: mid-run, with steps and activities in flight.
                await WaitForAsync(hub, hub.Queries.ActivityResults, atLeast: 40);
                first.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown code runs
                await first.WaitForExitAsync();
                completedAtKill = await hub.CountAsync(hub.Queries.Completed);
                stepsAtKill = await hub.CountAsync(hub.Queries.ActivityResults);
                heldAtKill = await hub.CountAsync(hub.Queries.Held);
            }

            await File.WriteAllTextAsync(hub.ReleaseFile, "go");

            using var second = StartWorker(hub);
            try
            {
                await WaitForAsync(hub, hub.Queries.Completed, atLeast: Instances);
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }

            Assert.InRange(completedAtKill, 0, Instances / 2);
            Assert.InRange(stepsAtKill, 40, (Instances * 21) - 1);
            Assert.True(heldAtKill > 0, "the kill should catch instances held across their activity");
            for (var i = 0; i < Instances; i++)
            {
                var m = await client.GetInstanceAsync($"crash-{i:D2}", true);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, m!.RuntimeStatus);
                Assert.Equal((20 * i) + 180, m.ReadOutputAs<int>());
            }

            Assert.Equal(0, await hub.CountAsync(hub.Queries.DuplicateSteps));
            Assert.Equal(Instances * 21, await hub.CountAsync(hub.Queries.ActivityResults));
            Assert.Equal(Instances * 21, await hub.CountAsync(hub.Queries.ActivitiesScheduled));
            Assert.Equal(0, await hub.CountAsync(hub.Queries.QueuedTasks));
        }
    }

    private static Process StartWorker(CrashHub hub)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "RagnarokOps.DurableTask.CrashWorker.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        foreach (var arg in hub.WorkerArgs)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task WaitForAsync(CrashHub hub, string countSql, int atLeast) =>
        TaskHubFile.WaitUntilAsync(async () => await hub.CountAsync(countSql) >= atLeast, TimeSpan.FromSeconds(60));
}
