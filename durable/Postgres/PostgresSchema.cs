using Npgsql;

namespace RagnarokOps.DurableTask.Postgres;

/// <summary>Creates and versions the task hub schema; workers starting together take turns on an advisory lock.</summary>
internal static class PostgresSchema
{
    public const int Version = 1;

    // The same tables as the SQLite hub (see Storage/SqliteSchema.cs), in PostgreSQL's types; ticks are UTC ticks.
    private const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS {s}.instances (
            instance_id text PRIMARY KEY,
            execution_id text NOT NULL,
            name text NOT NULL,
            status int NOT NULL,
            input text, output text, custom_status text, failure text,
            created_at bigint NOT NULL,
            last_updated_at bigint NOT NULL,
            parent_instance_id text,
            lock_owner text,
            lock_expiration bigint,
            row_id bigserial UNIQUE);
        CREATE INDEX IF NOT EXISTS ix_instances_created ON {s}.instances (created_at);
        CREATE TABLE IF NOT EXISTS {s}.history (
            instance_id text NOT NULL,
            execution_id text NOT NULL,
            sequence_number int NOT NULL,
            event_type int NOT NULL,
            task_id int NOT NULL,
            timestamp bigint NOT NULL,
            payload text NOT NULL,
            PRIMARY KEY (instance_id, execution_id, sequence_number));
        CREATE TABLE IF NOT EXISTS {s}.new_events (
            id bigserial PRIMARY KEY,
            instance_id text NOT NULL,
            execution_id text,
            event_type int NOT NULL,
            visible_at bigint NOT NULL,
            dequeue_count int NOT NULL DEFAULT 0,
            payload text NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_new_events_visible ON {s}.new_events (visible_at);
        CREATE INDEX IF NOT EXISTS ix_new_events_instance ON {s}.new_events (instance_id, visible_at);
        CREATE TABLE IF NOT EXISTS {s}.new_tasks (
            id bigserial PRIMARY KEY,
            instance_id text NOT NULL,
            execution_id text NOT NULL,
            name text NOT NULL,
            task_id int NOT NULL,
            input text,
            visible_at bigint NOT NULL,
            dequeue_count int NOT NULL DEFAULT 0,
            lock_owner text,
            lock_expiration bigint);
        CREATE INDEX IF NOT EXISTS ix_new_tasks_instance ON {s}.new_tasks (instance_id);
        CREATE INDEX IF NOT EXISTS ix_new_tasks_lock ON {s}.new_tasks (lock_expiration, visible_at);
        """;

    /// <summary>Checks a schema name before it is put into SQL text (it cannot be a parameter).</summary>
    public static string Quote(string schema)
    {
        if (!PostgresStorageOptions.IsValidSchema(schema))
        {
            throw new ArgumentException(
                $"Task hub schema '{schema}' is not a plain identifier (lower-case letters, digits and _, starting with a letter or _).",
                nameof(schema));
        }

        return schema;
    }

    public static async Task EnsureAsync(NpgsqlDataSource source, string schema, long nowTicks, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;

        // Two workers starting at once would race on CREATE … IF NOT EXISTS; the advisory lock makes them take turns.
        cmd.CommandText = $"""
            SELECT pg_advisory_xact_lock(hashtext('ragnarok-durabletask:' || @s));
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (version int NOT NULL, applied_at bigint NOT NULL);
            """;
        cmd.Parameters.AddWithValue("s", schema);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        cmd.Parameters.Clear();
        cmd.CommandText = $"SELECT MAX(version) FROM {schema}.schema_version";
        var current = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int v ? v : 0;
        if (current > Version)
        {
            throw new InvalidOperationException(
                $"The task hub schema '{schema}' has version {current}; this engine knows up to {Version}.");
        }

        if (current < Version)
        {
            cmd.CommandText = CreateV1.Replace("{s}", schema, StringComparison.Ordinal)
                + $"INSERT INTO {schema}.schema_version (version, applied_at) VALUES ({Version}, @t);";
            cmd.Parameters.AddWithValue("t", nowTicks);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
