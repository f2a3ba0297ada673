
namespace RagnarokOps.DurableTask.Storage;

internal sealed partial class SqliteOrchestrationStore
{
    public Task<IReadOnlyList<ActivityWorkItem>> LockNextActivitiesAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = Now;
        return _writer.WriteAsync<IReadOnlyList<ActivityWorkItem>>(w =>
        {
            var cmd = w.Command("""
                UPDATE NewTasks SET LockOwner = $o, LockExpiration = $exp, DequeueCount = DequeueCount + 1
                WHERE Id IN (SELECT Id FROM NewTasks WHERE VisibleAt <= $now AND (LockExpiration IS NULL OR LockExpiration < $now)
                             ORDER BY Id LIMIT $n)
                RETURNING Id, InstanceId, ExecutionId, Name, TaskId, Input, DequeueCount
                """);
            Add(cmd, "$o", owner);
            Add(cmd, "$exp", (now + _settings.LockTimeout).Ticks);
            Add(cmd, "$now", now.Ticks);
            Add(cmd, "$n", max);
            var items = new List<ActivityWorkItem>();
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    items.Add(new ActivityWorkItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), DbRows.NullableString(r, 5), r.GetInt32(6), owner));
                }
            }

            var poisoned = items.Where(i => i.DequeueCount > _settings.MaxDequeueCount).ToList();
            foreach (var p in poisoned)
            {
                FailPoisoned(w, p.InstanceId, $"Activity '{p.Name}' (#{p.TaskId}) was dequeued more than {_settings.MaxDequeueCount} times "
                    + "without completing (poison message); the instance was failed instead of retried again.", now);
            }

            items.Sort((a, b) => a.Id.CompareTo(b.Id));
            return poisoned.Count == 0 ? items : items.Except(poisoned).ToList();
        }, cancellationToken);
    }

    public async Task<bool> CompleteActivityAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken)
    {
        var now = Now;
        var payload = (result with { Timestamp = now }).ToJson();
        var committed = await _writer.WriteAsync(w =>
        {
            if (!DeleteTask(w, workItem))
            {
                // Another worker took the task after our lock expired, or the execution moved on: drop this result.
                return false;
            }

            var queued = InsertActivityResult(w, workItem, result.Type, payload, now);
            ReleaseHold(w, workItem.InstanceId);
            return queued;
        }, cancellationToken).ConfigureAwait(false);
        if (committed)
        {
            Signal.NotifyOrchestrations();
        }

        return committed;
    }

    public Task<IReadOnlyList<ActivityWorkItem>> RenewActivityLocksAsync(IReadOnlyList<ActivityWorkItem> workItems, CancellationToken cancellationToken)
    {
        var expires = (Now + _settings.LockTimeout).Ticks;
        return _writer.WriteAsync<IReadOnlyList<ActivityWorkItem>>(w =>
        {
            var lost = new List<ActivityWorkItem>();
            foreach (var item in workItems)
            {
                var task = w.Command("UPDATE NewTasks SET LockExpiration = $exp WHERE Id = $id AND LockOwner = $o");
                Add(task, "$exp", expires);
                Add(task, "$id", item.Id);
                Add(task, "$o", item.LockOwner);
                if (task.ExecuteNonQuery() != 1)
                {
                    lost.Add(item);
                    continue;
                }

                var hold = w.Command("UPDATE Instances SET LockExpiration = $exp WHERE InstanceId = $i AND LockOwner = $held");
                Add(hold, "$exp", expires);
                Add(hold, "$i", item.InstanceId);
                Add(hold, "$held", Worker.LockOwners.Held(item.LockOwner));
                hold.ExecuteNonQuery();
            }

            return lost;
        }, cancellationToken);
    }

    private static bool DeleteTask(SqliteWriter w, ActivityWorkItem task)
    {
        var del = w.Command("DELETE FROM NewTasks WHERE Id = $id AND LockOwner = $o");
        Add(del, "$id", task.Id);
        Add(del, "$o", task.LockOwner);
        return del.ExecuteNonQuery() == 1;
    }

    /// <summary>Queues an activity's result in its instance's inbox; only an execution that still runs gets it.</summary>
    private static bool InsertActivityResult(SqliteWriter w, ActivityWorkItem task, EventType type, string payload, DateTime now)
    {
        var insert = w.Command("""
            INSERT INTO NewEvents (InstanceId, ExecutionId, EventType, VisibleAt, Payload)
            SELECT $i, $x, $t, $v, $p
            WHERE EXISTS (SELECT 1 FROM Instances WHERE InstanceId = $i AND ExecutionId = $x AND Status NOT IN (1, 3, 5))
            """);
        Add(insert, "$i", task.InstanceId);
        Add(insert, "$x", task.ExecutionId);
        Add(insert, "$t", (int)type);
        Add(insert, "$v", now.Ticks);
        Add(insert, "$p", payload);
        return insert.ExecuteNonQuery() == 1;
    }

    public async Task<DateTime?> GetNextVisibleTimeAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        // Only future times: work that is visible but locked elsewhere is announced by a signal or found by polling.
        cmd.CommandText = """
            SELECT MIN(v) FROM (
                SELECT MIN(VisibleAt) AS v FROM NewEvents WHERE VisibleAt > $now
                UNION ALL SELECT MIN(LockExpiration) FROM NewTasks WHERE LockExpiration > $now)
            """;
        Add(cmd, "$now", Now.Ticks);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;
    }

    public Task<int> ReleaseLocksAsync(Func<string, bool> isDead, CancellationToken cancellationToken) =>
        _writer.WriteAsync(w =>
        {
            var owners = new List<string>();
            using (var r = w.Command("SELECT LockOwner FROM Instances WHERE LockOwner IS NOT NULL UNION SELECT LockOwner FROM NewTasks WHERE LockOwner IS NOT NULL").ExecuteReader())
            {
                while (r.Read())
                {
                    owners.Add(r.GetString(0));
                }
            }

            var freed = 0;
            foreach (var owner in owners.Where(isDead))
            {
                foreach (var sql in new[]
                {
                    "UPDATE Instances SET LockOwner = NULL, LockExpiration = NULL WHERE LockOwner = $o",
                    "UPDATE NewTasks SET LockOwner = NULL, LockExpiration = NULL WHERE LockOwner = $o",
                })
                {
                    var cmd = w.Command(sql);
                    Add(cmd, "$o", owner);
                    freed += cmd.ExecuteNonQuery();
                }
            }

            return freed;
        }, cancellationToken);
}
