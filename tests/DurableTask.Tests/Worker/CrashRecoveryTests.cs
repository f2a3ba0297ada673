using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class CrashRecoveryTests
{
    private const int Instances = 40;

    [Fact]
    public async Task WorkerKilledWithSigkill_Restarted_EveryInstanceCompletesAndNoStepCommitsTwice()
    {
        using var dir = new TempDirectory("durable-crash");
        var db = dir.Combine("hub.db");
        var services = new ServiceCollection().AddDurableTaskClient(b => b.UseSqlite(db)).BuildServiceProvider();
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
            using (var first = StartWorker(db))
            {
                // Kill once some activity results are committed: mid-run, with steps and activities in flight.
                await WaitForAsync(db, "SELECT COUNT(*) FROM History WHERE EventType = 4", atLeast: 40);
                first.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown code runs
                await first.WaitForExitAsync();
                completedAtKill = await TaskHubFile.CountAsync(db, "SELECT COUNT(*) FROM Instances WHERE Status = 1");
                stepsAtKill = await TaskHubFile.CountAsync(db, "SELECT COUNT(*) FROM History WHERE EventType = 4");
                heldAtKill = await TaskHubFile.CountAsync(db, "SELECT COUNT(*) FROM Instances WHERE LockOwner LIKE '%!held'");
            }

            await File.WriteAllTextAsync(dir.Combine("release"), "go");

            using var second = StartWorker(db);
            try
            {
                await WaitForAsync(db, "SELECT COUNT(*) FROM Instances WHERE Status = 1", atLeast: Instances);
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

            Assert.Equal(0, await TaskHubFile.CountAsync(db, """
                SELECT COUNT(*) FROM (SELECT InstanceId, EventType, TaskId FROM History
                WHERE EventType IN (3, 4, 5, 9, 10) GROUP BY InstanceId, EventType, TaskId HAVING COUNT(*) > 1)
                """));
            Assert.Equal(Instances * 21, await TaskHubFile.CountAsync(db, "SELECT COUNT(*) FROM History WHERE EventType = 4"));
            Assert.Equal(Instances * 21, await TaskHubFile.CountAsync(db, "SELECT COUNT(*) FROM History WHERE EventType = 3"));
            Assert.Equal(0, await TaskHubFile.CountAsync(db, "SELECT COUNT(*) FROM NewTasks"));
        }

        SqliteConnection.ClearAllPools();
    }

    private static Process StartWorker(string db)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "RagnarokOps.DurableTask.CrashWorker.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(db);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task WaitForAsync(string db, string countSql, int atLeast) =>
        TaskHubFile.WaitUntilAsync(async () => await TaskHubFile.CountAsync(db, countSql) >= atLeast, TimeSpan.FromSeconds(60));
}
