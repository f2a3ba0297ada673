using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Tests;

/// <summary>Reads a task hub file directly, as an operator would, to check what the engine committed.</summary>
internal static class TaskHubFile
{
    /// <summary>The first column of the first row of <paramref name="sql"/>, with <c>$i</c> bound to <paramref name="instanceId"/>.</summary>
    public static async Task<object?> ScalarAsync(string db, string sql, string? instanceId = null)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=false");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (instanceId is not null)
        {
            cmd.Parameters.AddWithValue("$i", instanceId);
        }

        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public static async Task<long> CountAsync(string db, string sql, string? instanceId = null) =>
        Convert.ToInt64(await ScalarAsync(db, sql, instanceId), CultureInfo.InvariantCulture);

    /// <summary>Polls <paramref name="condition"/> every few milliseconds until it holds; throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}
