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

            int completedAtKill;
            using (var first = StartWorker(db))
            {
                completedAtKill = await WaitForCompletedAsync(db, atLeast: 1);
                first.Kill(entireProcessTree: true); // SIGKILL on Linux: no shutdown code runs
                await first.WaitForExitAsync();
            }

            using var second = StartWorker(db);
            try
            {
                await WaitForCompletedAsync(db, atLeast: Instances);
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }

            Assert.InRange(completedAtKill, 1, Instances - 1);
            for (var i = 0; i < Instances; i++)
            {
                var m = await client.GetInstanceAsync($"crash-{i:D2}", true);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, m!.RuntimeStatus);
                Assert.Equal((20 * i) + 180, m.ReadOutputAs<int>());
            }

            Assert.Equal(0, await ScalarAsync(db, """
                SELECT COUNT(*) FROM (SELECT InstanceId, EventType, TaskId FROM History
                WHERE EventType IN (3, 4, 5, 9, 10) GROUP BY InstanceId, EventType, TaskId HAVING COUNT(*) > 1)
                """));
            Assert.Equal(Instances * 20, await ScalarAsync(db, "SELECT COUNT(*) FROM History WHERE EventType = 4"));
            Assert.Equal(Instances * 20, await ScalarAsync(db, "SELECT COUNT(*) FROM History WHERE EventType = 3"));
            Assert.Equal(0, await ScalarAsync(db, "SELECT COUNT(*) FROM NewTasks"));
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

    private static async Task<int> WaitForCompletedAsync(string db, int atLeast)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var completed = await ScalarAsync(db, "SELECT COUNT(*) FROM Instances WHERE Status = 1");
            if (completed >= atLeast)
            {
                return completed;
            }

            await Task.Delay(10, cts.Token);
        }
    }

    private static async Task<int> ScalarAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
