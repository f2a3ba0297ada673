using System.Text;
using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Storage;

internal sealed partial class SqliteOrchestrationStore
{
    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {InstanceColumns} FROM Instances WHERE InstanceId = $i";
        Add(cmd, "$i", instanceId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? DbRows.Instance(r) : null;
    }

    public async Task<IReadOnlyList<InstanceRecord>> QueryInstancesAsync(
        InstanceFilter filter, long afterRowId, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        var where = Where(cmd, filter);
        cmd.CommandText = $"SELECT {InstanceColumns} FROM Instances WHERE rowid > $after{where} ORDER BY rowid LIMIT $n";
        Add(cmd, "$after", afterRowId);
        Add(cmd, "$n", pageSize);
        return await DbRows.ListAsync(cmd, DbRows.Instance, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Payload FROM History WHERE InstanceId = $i ORDER BY SequenceNumber";
        Add(cmd, "$i", instanceId);
        return await DbRows.ListAsync(cmd, DbRows.Event, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> PurgeAsync(string? instanceId, InstanceFilter? filter, CancellationToken cancellationToken) =>
        _writer.WriteAsync(w =>
        {
            // The filter makes the text vary, so this command is not cached.
            using var find = w.NewCommand();
            var terminal = "Status IN (1, 3, 4, 5)";
            if (instanceId is not null)
            {
                find.CommandText = $"SELECT InstanceId FROM Instances WHERE InstanceId = $id AND {terminal}";
                Add(find, "$id", instanceId);
            }
            else
            {
                var where = Where(find, filter ?? new InstanceFilter(null, null, null, null));
                find.CommandText = $"SELECT InstanceId FROM Instances WHERE {terminal}{where}";
            }

            var ids = new List<string>();
            using (var r = find.ExecuteReader())
            {
                while (r.Read())
                {
                    ids.Add(r.GetString(0));
                }
            }

            foreach (var id in ids)
            {
                DeleteInstanceRows(w, id, includingInstance: true);
            }

            return ids.Count;
        }, cancellationToken);

    private static string Where(SqliteCommand cmd, InstanceFilter filter)
    {
        var sql = new StringBuilder();
        if (filter.CreatedFrom is { } from)
        {
            sql.Append(" AND CreatedAt >= $from");
            Add(cmd, "$from", from.Ticks);
        }

        if (filter.CreatedTo is { } to)
        {
            sql.Append(" AND CreatedAt <= $to");
            Add(cmd, "$to", to.Ticks);
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            // Enum values only: safe to inline.
            sql.Append(" AND Status IN (").AppendJoin(", ", statuses.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')');
        }

        if (!string.IsNullOrEmpty(filter.InstanceIdPrefix))
        {
            sql.Append(" AND substr(InstanceId, 1, length($prefix)) = $prefix");
            Add(cmd, "$prefix", filter.InstanceIdPrefix);
        }

        return sql.ToString();
    }
}
