using Npgsql;
using NpgsqlTypes;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Postgres;

/// <summary>
/// The PostgreSQL task hub: the same tables and rules as the SQLite one, for several worker processes on several
/// machines. Each operation is one transaction; dispatchers take work with <c>FOR UPDATE SKIP LOCKED</c>, and every
/// write that puts an event in an instance's inbox also updates that instance's row, which ends a hold and orders
/// the write against a step committing on the same instance.
/// </summary>
internal sealed partial class PostgresOrchestrationStore : IOrchestrationStore
{
    private const string UniqueViolation = "23505";
    private const string InstanceColumns =
        "instance_id, execution_id, name, status, created_at, last_updated_at, input, output, custom_status, failure, row_id";

    private readonly NpgsqlDataSource _source;
    private readonly string _schema;
    private readonly TimeProvider _time;
    private readonly StoreSettings _settings;

    public PostgresOrchestrationStore(PostgresStorageOptions options, StoreSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL task hub needs a connection string (PostgresStorageOptions.ConnectionString).", nameof(options));
        }

        _schema = PostgresSchema.Quote(options.Schema);
        _time = time;
        _settings = settings;
        _source = NpgsqlDataSource.Create(options.ConnectionString);
        PostgresSchema.EnsureAsync(_source, _schema, Now.Ticks, CancellationToken.None).GetAwaiter().GetResult();
    }

    public WorkSignal Signal { get; } = new();

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public async Task CreateInstanceAsync(NewInstanceRequest request, DateTime visibleAt, CancellationToken cancellationToken)
    {
        var now = Now;
        try
        {
            await InTransactionAsync(async (c, ct) =>
            {
                await CreateInstanceAsync(c, request, visibleAt, now, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            // Another client created the same id between our check and our insert.
            throw new InstanceAlreadyExistsException(request.InstanceId, OrchestrationRuntimeStatus.Pending);
        }

        Signal.NotifyOrchestrations();
    }

    public async Task<bool> SendEventAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken)
    {
        var now = Now;
        var sent = await InTransactionAsync(async (c, ct) =>
        {
            // Locking the row first orders this event against a step committing on the instance right now.
            var status = await ReadStatusAsync(c, instanceId, forUpdate: true, ct).ConfigureAwait(false);
            if (status is not (OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended))
            {
                return false;
            }

            await InsertEventAsync(c, instanceId, null, e.Type, (e with { Timestamp = now }).ToJson(), now, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (sent)
        {
            Signal.NotifyOrchestrations();
        }

        return sent;
    }

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, $"SELECT {InstanceColumns} FROM hub.instances WHERE instance_id = @i", ("i", instanceId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? DbRows.Instance(r) : null;
    }

    public async Task<IReadOnlyList<InstanceRecord>> QueryInstancesAsync(
        InstanceFilter filter, long afterRowId, int pageSize, CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, string.Empty);
        var where = Where(cmd, filter);
        cmd.CommandText = Sql($"SELECT {InstanceColumns} FROM hub.instances WHERE row_id > @after{where} ORDER BY row_id LIMIT @n");
        cmd.Parameters.AddWithValue("after", afterRowId);
        cmd.Parameters.AddWithValue("n", pageSize);
        return await DbRows.ListAsync(cmd, DbRows.Instance, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, "SELECT payload FROM hub.history WHERE instance_id = @i ORDER BY sequence_number", ("i", instanceId));
        return await DbRows.ListAsync(cmd, DbRows.Event, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> PurgeAsync(string? instanceId, InstanceFilter? filter, CancellationToken cancellationToken) =>
        InTransactionAsync(async (c, ct) =>
        {
            await using var find = Command(c, string.Empty);
            const string terminal = "status IN (1, 3, 4, 5)";
            if (instanceId is not null)
            {
                find.CommandText = Sql($"SELECT instance_id FROM hub.instances WHERE instance_id = @id AND {terminal} FOR UPDATE");
                find.Parameters.AddWithValue("id", instanceId);
            }
            else
            {
                var where = Where(find, filter ?? new InstanceFilter(null, null, null, null));
                find.CommandText = Sql($"SELECT instance_id FROM hub.instances WHERE {terminal}{where} FOR UPDATE");
            }

            var ids = await DbRows.ListAsync(find, r => r.GetString(0), ct).ConfigureAwait(false);

            foreach (var id in ids)
            {
                await DeleteInstanceRowsAsync(c, id, includingInstance: true, ct).ConfigureAwait(false);
            }

            return ids.Count;
        }, cancellationToken);

    public Task<int> ReleaseLocksAsync(Func<string, bool> isDead, CancellationToken cancellationToken) =>
        InTransactionAsync(async (c, ct) =>
        {
            List<string> owners;
            await using (var cmd = Command(c, "SELECT lock_owner FROM hub.instances WHERE lock_owner IS NOT NULL UNION SELECT lock_owner FROM hub.new_tasks WHERE lock_owner IS NOT NULL"))
            {
                owners = await DbRows.ListAsync(cmd, r => r.GetString(0), ct).ConfigureAwait(false);
            }

            var freed = 0;
            foreach (var owner in owners.Where(isDead))
            {
                freed += await ExecuteAsync(c, "UPDATE hub.instances SET lock_owner = NULL, lock_expiration = NULL WHERE lock_owner = @o", ct, ("o", owner)).ConfigureAwait(false);
                freed += await ExecuteAsync(c, "UPDATE hub.new_tasks SET lock_owner = NULL, lock_expiration = NULL WHERE lock_owner = @o", ct, ("o", owner)).ConfigureAwait(false);
            }

            return freed;
        }, cancellationToken);

    public async Task<DateTime?> GetNextVisibleTimeAsync(CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(c, """
            SELECT LEAST((SELECT MIN(visible_at) FROM hub.new_events WHERE visible_at > @now),
                         (SELECT MIN(lock_expiration) FROM hub.new_tasks WHERE lock_expiration > @now))
            """, ("now", Now.Ticks));
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var c = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(c, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private string Sql(string sql) => sql.Replace("hub.", _schema + ".", StringComparison.Ordinal);

    /// <summary>A command on <paramref name="c"/> (inside its open transaction, if any); null values become typed NULLs.</summary>
    private NpgsqlCommand Command(NpgsqlConnection c, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = Sql(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(Parameter(name, value));
        }

        return cmd;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
        NullTicks => new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = DBNull.Value },
        _ => new NpgsqlParameter(name, value),
    };

    /// <summary>A NULL for a bigint column (a plain null is sent as text).</summary>
    private sealed class NullTicks
    {
        public static NullTicks Value { get; } = new();
    }

    private async Task<int> ExecuteAsync(NpgsqlConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<object?> ScalarAsync(NpgsqlConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, sql, parameters);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private async Task<OrchestrationRuntimeStatus?> ReadStatusAsync(NpgsqlConnection c, string instanceId, bool forUpdate, CancellationToken ct) =>
        await ScalarAsync(c, "SELECT status FROM hub.instances WHERE instance_id = @i" + (forUpdate ? " FOR UPDATE" : string.Empty), ct, ("i", instanceId))
            .ConfigureAwait(false) is int s ? (OrchestrationRuntimeStatus)s : null;

    /// <summary>
    /// Puts an event in an instance's inbox and updates the instance's row in the same transaction: that ends a hold
    /// (the event must not wait behind a running activity) and, as a row lock, orders this write against a step
    /// being committed on the instance.
    /// </summary>
    private async Task InsertEventAsync(
        NpgsqlConnection c, string instanceId, string? executionId, EventType type, string payload, DateTime visibleAt, CancellationToken ct)
    {
        await ExecuteAsync(c, """
            INSERT INTO hub.new_events (instance_id, execution_id, event_type, visible_at, payload) VALUES (@i, @x, @t, @v, @p)
            """, ct, ("i", instanceId), ("x", executionId), ("t", (int)type), ("v", visibleAt.Ticks), ("p", payload)).ConfigureAwait(false);
        await ReleaseHoldAsync(c, instanceId, ct).ConfigureAwait(false);
    }

    private Task<int> ReleaseHoldAsync(NpgsqlConnection c, string instanceId, CancellationToken ct) =>
        ExecuteAsync(c, """
            UPDATE hub.instances SET lock_owner = CASE WHEN lock_owner LIKE @held THEN NULL ELSE lock_owner END,
                lock_expiration = CASE WHEN lock_owner LIKE @held THEN NULL ELSE lock_expiration END
            WHERE instance_id = @i
            """, ct, ("i", instanceId), ("held", "%" + LockOwners.HeldSuffix));

    private async Task DeleteInstanceRowsAsync(NpgsqlConnection c, string instanceId, bool includingInstance, CancellationToken ct)
    {
        foreach (var table in includingInstance
            ? new[] { "history", "new_events", "new_tasks", "instances" }
            : ["history", "new_events", "new_tasks"])
        {
            await ExecuteAsync(c, $"DELETE FROM hub.{table} WHERE instance_id = @i", ct, ("i", instanceId)).ConfigureAwait(false);
        }
    }

    /// <summary>Creates (or recreates a finished) instance and queues its ExecutionStarted; used by clients and sub-orchestrations.</summary>
    private async Task CreateInstanceAsync(NpgsqlConnection c, NewInstanceRequest request, DateTime visibleAt, DateTime now, CancellationToken ct)
    {
        var status = await ReadStatusAsync(c, request.InstanceId, forUpdate: true, ct).ConfigureAwait(false);
        if (status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            throw new InstanceAlreadyExistsException(request.InstanceId, status.Value);
        }

        if (status is not null)
        {
            await DeleteInstanceRowsAsync(c, request.InstanceId, includingInstance: true, ct).ConfigureAwait(false);
        }

        await ExecuteAsync(c, """
            INSERT INTO hub.instances (instance_id, execution_id, name, status, input, created_at, last_updated_at, parent_instance_id)
            VALUES (@i, @x, @n, @s, @in, @now, @now, @p)
            """, ct, ("i", request.InstanceId), ("x", request.ExecutionId), ("n", request.Name), ("s", (int)OrchestrationRuntimeStatus.Pending),
            ("in", request.Input), ("now", now.Ticks), ("p", request.Started.ParentInstanceId)).ConfigureAwait(false);
        await InsertEventAsync(c, request.InstanceId, request.ExecutionId, request.Started.Type, request.Started.ToJson(), visibleAt, ct).ConfigureAwait(false);
    }

    /// <summary>Fails an instance whose work keeps coming back (poison), clears its queues and tells a parent.</summary>
    private async Task FailPoisonedAsync(NpgsqlConnection c, string instanceId, string reason, DateTime now, CancellationToken ct)
    {
        var failure = new TaskFailureDetails("PoisonMessage", reason, IsNonRetriable: true);
        var payload = await ScalarAsync(c, """
            SELECT payload FROM (
                SELECT payload FROM hub.history WHERE instance_id = @i AND event_type = 0
                UNION ALL SELECT payload FROM hub.new_events WHERE instance_id = @i AND event_type = 0) s
            LIMIT 1
            """, ct, ("i", instanceId)).ConfigureAwait(false) as string;
        if (OutboundEvent.FailureToParent(payload, failure, now) is { } notice)
        {
            await InsertEventAsync(c, notice.InstanceId, notice.ExecutionId, notice.Event.Type, notice.Event.ToJson(), notice.VisibleAt, ct)
                .ConfigureAwait(false);
        }

        await ExecuteAsync(c, """
            UPDATE hub.instances SET status = @s, failure = @f, last_updated_at = @now, lock_owner = NULL, lock_expiration = NULL
            WHERE instance_id = @i
            """, ct, ("s", (int)OrchestrationRuntimeStatus.Failed), ("f", DbRows.FailureJson(failure)), ("now", now.Ticks), ("i", instanceId)).ConfigureAwait(false);
        await ExecuteAsync(c, "DELETE FROM hub.new_events WHERE instance_id = @i", ct, ("i", instanceId)).ConfigureAwait(false);
        await ExecuteAsync(c, "DELETE FROM hub.new_tasks WHERE instance_id = @i", ct, ("i", instanceId)).ConfigureAwait(false);
    }

    private static string Where(NpgsqlCommand cmd, InstanceFilter filter)
    {
        var sql = new System.Text.StringBuilder();
        if (filter.CreatedFrom is { } from)
        {
            sql.Append(" AND created_at >= @from");
            cmd.Parameters.AddWithValue("from", from.Ticks);
        }

        if (filter.CreatedTo is { } to)
        {
            sql.Append(" AND created_at <= @to");
            cmd.Parameters.AddWithValue("to", to.Ticks);
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            sql.Append(" AND status = ANY(@statuses)");
            cmd.Parameters.AddWithValue("statuses", statuses.Select(s => (int)s).ToArray());
        }

        if (!string.IsNullOrEmpty(filter.InstanceIdPrefix))
        {
            sql.Append(" AND left(instance_id, length(@prefix)) = @prefix");
            cmd.Parameters.AddWithValue("prefix", filter.InstanceIdPrefix);
        }

        return sql.ToString();
    }
}
