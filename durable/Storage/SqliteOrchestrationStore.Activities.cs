using RagnarokOps.DurableTask.Client;

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
                    items.Add(new ActivityWorkItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), Str(r, 5), r.GetInt32(6), owner));
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
        var committed = await _writer.WriteAsync(w =>
        {
            var del = w.Command("DELETE FROM NewTasks WHERE Id = $id AND LockOwner = $o");
            Add(del, "$id", workItem.Id);
            Add(del, "$o", workItem.LockOwner);
            if (del.ExecuteNonQuery() != 1)
            {
                // Another worker took the task after our lock expired, or the execution moved on: drop this result.
                return false;
            }

            var exec = w.Command("SELECT ExecutionId, Status FROM Instances WHERE InstanceId = $i");
            Add(exec, "$i", workItem.InstanceId);
            using (var r = exec.ExecuteReader())
            {
                if (!r.Read() || r.GetString(0) != workItem.ExecutionId
                    || (OrchestrationRuntimeStatus)r.GetInt32(1) is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
                        or OrchestrationRuntimeStatus.Terminated)
                {
                    return false;
                }
            }

            InsertEvent(w, workItem.InstanceId, workItem.ExecutionId, result with { Timestamp = now }, now);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (committed)
        {
            Signal.NotifyOrchestrations();
        }

        return committed;
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
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? Utc(ticks) : null;
    }
}
