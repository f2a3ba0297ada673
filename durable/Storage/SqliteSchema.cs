using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>Creates and versions the task hub schema.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    private const string CreateV1 = """
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

    public static void Ensure(SqliteConnection connection, long nowTicks)
    {
        using var tx = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = CreateV1;
            create.ExecuteNonQuery();
        }

        using var check = connection.CreateCommand();
        check.Transaction = tx;
        check.CommandText = "SELECT MAX(Version) FROM SchemaVersion";
        var current = check.ExecuteScalar() is long v ? (int)v : 0;
        if (current > Version)
        {
            throw new InvalidOperationException(
                $"The task hub database has schema version {current}; this engine knows up to {Version}.");
        }

        if (current < Version)
        {
            check.CommandText = "INSERT INTO SchemaVersion (Version, AppliedAt) VALUES ($v, $t)";
            check.Parameters.AddWithValue("$v", Version);
            check.Parameters.AddWithValue("$t", nowTicks);
            check.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
