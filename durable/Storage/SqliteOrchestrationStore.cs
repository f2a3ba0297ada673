using Microsoft.Data.Sqlite;
using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>The SQLite task hub: one file in WAL mode; writes go through <see cref="SqliteWriter"/>.</summary>
internal sealed partial class SqliteOrchestrationStore : IOrchestrationStore
{
    private readonly string _connectionString;
    private readonly SqliteWriter _writer;
    private readonly TimeProvider _time;
    private readonly StoreSettings _settings;

    public SqliteOrchestrationStore(SqliteStorageOptions options, StoreSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _settings = settings;
        var full = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
        var connection = Open(options.Synchronous);
        SqliteSchema.Ensure(connection, Now.Ticks);
        _writer = new SqliteWriter(connection, options.MaxBatchSize);
    }

    public WorkSignal Signal { get; } = new();

    internal (long Commits, long Writes, long BusyTicks) WriterStats => _writer.Stats;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    internal SqliteConnection Open(string synchronous = "NORMAL")
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        var sync = synchronous.ToUpperInvariant() switch
        {
            "OFF" => "OFF",
            "FULL" => "FULL",
            "EXTRA" => "EXTRA",
            _ => "NORMAL",
        };
        pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={sync}; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static void Add(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private const string InstanceColumns =
        "InstanceId, ExecutionId, Name, Status, CreatedAt, LastUpdatedAt, Input, Output, CustomStatus, Failure, rowid";

    private static void InsertEvent(SqliteWriter w, string instanceId, string? executionId, HistoryEvent e, DateTime visibleAt) =>
        InsertEvent(w, instanceId, executionId, e.Type, e.ToJson(), visibleAt);

    private static void InsertEvent(SqliteWriter w, string instanceId, string? executionId, EventType type, string payload, DateTime visibleAt)
    {
        var cmd = w.Command("""
            INSERT INTO NewEvents (InstanceId, ExecutionId, EventType, VisibleAt, Payload)
            VALUES ($i, $x, $t, $v, $p)
            """);
        Add(cmd, "$i", instanceId);
        Add(cmd, "$x", executionId);
        Add(cmd, "$t", (int)type);
        Add(cmd, "$v", visibleAt.Ticks);
        Add(cmd, "$p", payload);
        cmd.ExecuteNonQuery();
    }

    private static OrchestrationRuntimeStatus? ReadStatus(SqliteWriter w, string instanceId)
    {
        var cmd = w.Command("SELECT Status FROM Instances WHERE InstanceId = $i");
        Add(cmd, "$i", instanceId);
        return cmd.ExecuteScalar() is long s ? (OrchestrationRuntimeStatus)s : null;
    }

    private static void DeleteInstanceRows(SqliteWriter w, string instanceId, bool includingInstance)
    {
        foreach (var sql in new[]
        {
            "DELETE FROM History WHERE InstanceId = $i",
            "DELETE FROM NewEvents WHERE InstanceId = $i",
            "DELETE FROM NewTasks WHERE InstanceId = $i",
        })
        {
            var cmd = w.Command(sql);
            Add(cmd, "$i", instanceId);
            cmd.ExecuteNonQuery();
        }

        if (includingInstance)
        {
            var cmd = w.Command("DELETE FROM Instances WHERE InstanceId = $i");
            Add(cmd, "$i", instanceId);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Creates (or recreates a finished) instance and queues its ExecutionStarted; used by clients and sub-orchestrations.</summary>
    private static void CreateInstance(SqliteWriter w, NewInstanceRequest request, DateTime visibleAt, DateTime now)
    {
        var status = ReadStatus(w, request.InstanceId);
        if (status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            throw new InstanceAlreadyExistsException(request.InstanceId, status.Value);
        }

        if (status is not null)
        {
            DeleteInstanceRows(w, request.InstanceId, includingInstance: true);
        }

        var cmd = w.Command("""
            INSERT INTO Instances (InstanceId, ExecutionId, Name, Status, Input, CreatedAt, LastUpdatedAt, ParentInstanceId)
            VALUES ($i, $x, $n, $s, $in, $now, $now, $p)
            """);
        Add(cmd, "$i", request.InstanceId);
        Add(cmd, "$x", request.ExecutionId);
        Add(cmd, "$n", request.Name);
        Add(cmd, "$s", (int)OrchestrationRuntimeStatus.Pending);
        Add(cmd, "$in", request.Input);
        Add(cmd, "$now", now.Ticks);
        Add(cmd, "$p", request.Started.ParentInstanceId);
        cmd.ExecuteNonQuery();
        InsertEvent(w, request.InstanceId, request.ExecutionId, request.Started, visibleAt);
    }

    /// <summary>
    /// Fails an instance whose work keeps coming back (poison) and clears its queues; a sub-orchestration's parent is
    /// told, as it would be of any other failure, instead of waiting for it forever.
    /// </summary>
    private void FailPoisoned(SqliteWriter w, string instanceId, string reason, DateTime now)
    {
        var failure = new TaskFailureDetails("PoisonMessage", reason, IsNonRetriable: true);
        var started = w.Command("""
            SELECT Payload FROM History WHERE InstanceId = $i AND EventType = 0
            UNION ALL SELECT Payload FROM NewEvents WHERE InstanceId = $i AND EventType = 0
            LIMIT 1
            """);
        Add(started, "$i", instanceId);
        if (OutboundEvent.FailureToParent(started.ExecuteScalar() as string, failure, now) is { } notice)
        {
            InsertEvent(w, notice.InstanceId, notice.ExecutionId, notice.Event, notice.VisibleAt);
        }

        var cmd = w.Command("""
            UPDATE Instances SET Status = $s, Failure = $f, LastUpdatedAt = $now, LockOwner = NULL, LockExpiration = NULL
            WHERE InstanceId = $i
            """);
        Add(cmd, "$s", (int)OrchestrationRuntimeStatus.Failed);
        Add(cmd, "$f", DbRows.FailureJson(failure));
        Add(cmd, "$now", now.Ticks);
        Add(cmd, "$i", instanceId);
        cmd.ExecuteNonQuery();
        foreach (var sql in new[] { "DELETE FROM NewEvents WHERE InstanceId = $i", "DELETE FROM NewTasks WHERE InstanceId = $i" })
        {
            var del = w.Command(sql);
            Add(del, "$i", instanceId);
            del.ExecuteNonQuery();
        }
    }
}

/// <summary>Engine settings the store needs (from the worker options).</summary>
internal sealed record StoreSettings(TimeSpan LockTimeout, int MaxDequeueCount)
{
    public static StoreSettings Default { get; } = new(TimeSpan.FromMinutes(1), 10);
}
