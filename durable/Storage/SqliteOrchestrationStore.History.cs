namespace RagnarokOps.DurableTask.Storage;

internal sealed partial class SqliteOrchestrationStore
{
    /// <summary>The new history serialized off the writer thread: one payload per event.</summary>
    private static string[] HistoryRows(IReadOnlyList<HistoryEvent> events)
    {
        var rows = new string[events.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = events[i].ToJson();
        }

        return rows;
    }

    /// <summary>One INSERT of <paramref name="count"/> history rows; statements are cached per row count.</summary>
    private static string HistoryInsertSql(int count) => HistoryInsertSqls.GetOrAdd(count, n =>
        "INSERT INTO History (InstanceId, ExecutionId, SequenceNumber, EventType, TaskId, Timestamp, Payload) VALUES "
        + string.Join(", ", Enumerable.Range(0, n).Select(k => $"($i, $x, $s{k}, $t{k}, $k{k}, $ts{k}, $p{k})")));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> HistoryInsertSqls = new();

    private const int HistoryRowsPerInsert = 8;

    private static void InsertHistory(SqliteWriter w, string instanceId, string executionId, int start, IReadOnlyList<HistoryEvent> events, string[] payloads)
    {
        for (var from = 0; from < events.Count; from += HistoryRowsPerInsert)
        {
            var n = Math.Min(HistoryRowsPerInsert, events.Count - from);
            var insert = w.Command(HistoryInsertSql(n));
            Add(insert, "$i", instanceId);
            Add(insert, "$x", executionId);
            for (var k = 0; k < n; k++)
            {
                var e = events[from + k];
                Add(insert, SqlNames[0][k], start + from + k);
                Add(insert, SqlNames[1][k], (int)e.Type);
                Add(insert, SqlNames[2][k], e.TaskId);
                Add(insert, SqlNames[3][k], e.Timestamp.Ticks);
                Add(insert, SqlNames[4][k], payloads[from + k]);
            }

            insert.ExecuteNonQuery();
        }
    }

    // Parameter names per row slot ("$s0".."$p7"), built once.
    private static readonly string[][] SqlNames = new[] { "$s", "$t", "$k", "$ts", "$p" }
        .Select(p => Enumerable.Range(0, HistoryRowsPerInsert).Select(k => p + k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())
        .ToArray();
}
