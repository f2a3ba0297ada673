using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>Creates and versions the task hub schema.</summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    /// <summary>Version 1, as first shipped; later versions migrate from it.</summary>
    internal const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS SchemaVersion (Version INTEGER NOT NULL, AppliedAt INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS Instances (
            InstanceId TEXT NOT NULL PRIMARY KEY,
            ExecutionId TEXT NOT NULL,
            Name TEXT NOT NULL,
            Status INTEGER NOT NULL,
            Input TEXT, Output TEXT, CustomStatus TEXT, Failure TEXT,
            CreatedAt INTEGER NOT NULL,
            LastUpdatedAt INTEGER NOT NULL,
            ParentInstanceId TEXT,
            LockOwner TEXT,
            LockExpiration INTEGER);
        CREATE INDEX IF NOT EXISTS IX_Instances_Created ON Instances (CreatedAt);
        CREATE TABLE IF NOT EXISTS History (
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            SequenceNumber INTEGER NOT NULL,
            EventType INTEGER NOT NULL,
            TaskId INTEGER NOT NULL,
            Timestamp INTEGER NOT NULL,
            Payload TEXT NOT NULL,
            PRIMARY KEY (InstanceId, ExecutionId, SequenceNumber)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS NewEvents (
            Id INTEGER PRIMARY KEY AUTOINCREMENT,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT,
            EventType INTEGER NOT NULL,
            VisibleAt INTEGER NOT NULL,
            DequeueCount INTEGER NOT NULL DEFAULT 0,
            Payload TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS IX_NewEvents_Visible ON NewEvents (VisibleAt);
        CREATE INDEX IF NOT EXISTS IX_NewEvents_Instance ON NewEvents (InstanceId, VisibleAt);
        CREATE TABLE IF NOT EXISTS NewTasks (
            Id INTEGER PRIMARY KEY AUTOINCREMENT,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            Name TEXT NOT NULL,
            TaskId INTEGER NOT NULL,
            Input TEXT,
            VisibleAt INTEGER NOT NULL,
            DequeueCount INTEGER NOT NULL DEFAULT 0,
            LockOwner TEXT,
            LockExpiration INTEGER);
        CREATE UNIQUE INDEX IF NOT EXISTS UX_NewTasks_Task ON NewTasks (InstanceId, ExecutionId, TaskId);
        CREATE INDEX IF NOT EXISTS IX_NewTasks_Lock ON NewTasks (LockExpiration, VisibleAt);
        """;

    /// <summary>
    /// Version 2: the queues lose AUTOINCREMENT (a plain rowid key still grows past every row present, which is all
    /// inbox order needs, without a sqlite_sequence write per insert) and NewTasks loses its per-instance unique index,
    /// whose random-page writes cost more per activity than the rare per-instance deletes (ContinueAsNew, purge) save
    /// by not scanning the queue. Every statement that deletes a queue row by key also names its instance or lock owner.
    /// </summary>
    private const string MigrateToV2 = """
        CREATE TABLE NewEvents_v2 (
            Id INTEGER PRIMARY KEY,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT,
            EventType INTEGER NOT NULL,
            VisibleAt INTEGER NOT NULL,
            DequeueCount INTEGER NOT NULL DEFAULT 0,
            Payload TEXT NOT NULL);
        INSERT INTO NewEvents_v2 (Id, InstanceId, ExecutionId, EventType, VisibleAt, DequeueCount, Payload)
            SELECT Id, InstanceId, ExecutionId, EventType, VisibleAt, DequeueCount, Payload FROM NewEvents;
        DROP TABLE NewEvents;
        ALTER TABLE NewEvents_v2 RENAME TO NewEvents;
        CREATE INDEX IX_NewEvents_Visible ON NewEvents (VisibleAt);
        CREATE INDEX IX_NewEvents_Instance ON NewEvents (InstanceId, VisibleAt);
        CREATE TABLE NewTasks_v2 (
            Id INTEGER PRIMARY KEY,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            Name TEXT NOT NULL,
            TaskId INTEGER NOT NULL,
            Input TEXT,
            VisibleAt INTEGER NOT NULL,
            DequeueCount INTEGER NOT NULL DEFAULT 0,
            LockOwner TEXT,
            LockExpiration INTEGER);
        INSERT INTO NewTasks_v2 (Id, InstanceId, ExecutionId, Name, TaskId, Input, VisibleAt, DequeueCount, LockOwner, LockExpiration)
            SELECT Id, InstanceId, ExecutionId, Name, TaskId, Input, VisibleAt, DequeueCount, LockOwner, LockExpiration FROM NewTasks;
        DROP TABLE NewTasks;
        ALTER TABLE NewTasks_v2 RENAME TO NewTasks;
        CREATE INDEX IX_NewTasks_Lock ON NewTasks (LockExpiration, VisibleAt);
        """;

    /// <summary>The scripts that bring a database from version <c>index</c> to <c>index + 1</c>.</summary>
    private static readonly string[] Steps = [CreateV1, MigrateToV2];

    public static void Ensure(SqliteConnection connection, long nowTicks)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS SchemaVersion (Version INTEGER NOT NULL, AppliedAt INTEGER NOT NULL); SELECT MAX(Version) FROM SchemaVersion";
        var current = cmd.ExecuteScalar() is long v ? (int)v : 0;
        if (current > Version)
        {
            throw new InvalidOperationException(
                $"The task hub database has schema version {current}; this engine knows up to {Version}.");
        }

        // A new file runs every step from the first, so the upgrade path is the path every test takes.
        for (var version = current; version < Version; version++)
        {
            cmd.CommandText = Steps[version];
            cmd.ExecuteNonQuery();
            cmd.CommandText = "INSERT INTO SchemaVersion (Version, AppliedAt) VALUES ($v, $t)";
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$v", version + 1);
            cmd.Parameters.AddWithValue("$t", nowTicks);
            cmd.ExecuteNonQuery();
            cmd.Parameters.Clear();
        }

        tx.Commit();
    }
}
