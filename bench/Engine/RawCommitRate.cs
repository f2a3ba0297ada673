using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace RagnarokOps.Bench.Engine;

/// <summary>The baseline: single-row SQLite commits per second on the same disk with the engine's pragmas.</summary>
internal static class RawCommitRate
{
    public static double Measure(string directory, TimeSpan duration)
    {
        var path = Path.Combine(directory, $"raw-commit-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = """
                    PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                    CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL);
                    """;
                setup.ExecuteNonQuery();
            }

            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (payload) VALUES ($p)";
            var p = insert.Parameters.Add("$p", SqliteType.Text);
            var commits = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < duration)
            {
                using var tx = connection.BeginTransaction();
                insert.Transaction = tx;
                p.Value = "{\"type\":\"TaskCompleted\",\"taskId\":1,\"data\":\"\\\"Hello Tokyo!\\\"\"}";
                insert.ExecuteNonQuery();
                tx.Commit();
                commits++;
            }

            return commits / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}
