using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Storage;

internal sealed partial class SqliteOrchestrationStore
{
    private const int SqliteConstraint = 19;

    public async Task<CheckpointCommit> CompleteOrchestrationAsync(OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var now = Now;

        // Serialize before queueing: the writer thread is the one serial resource.
        var rows = new CheckpointRows(HistoryRows(checkpoint.NewHistory), checkpoint.Messages.Select(m => m.Event.ToJson()).ToList());
        CheckpointWrite written;
        try
        {
            written = await _writer.WriteAsync(w => CheckpointAndRelease(w, checkpoint, now, rows), cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            return CheckpointCommit.Conflict;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // A history key clash: another worker already committed this step.
            return CheckpointCommit.Conflict;
        }

        return Announce(checkpoint, written);
    }

    private sealed record CheckpointRows(string[] History, List<string> Messages);

    private readonly record struct CheckpointWrite(bool MorePending, ActivityWorkItem? LocalActivity, bool Held);

    private CheckpointWrite CheckpointAndRelease(
        SqliteWriter w, OrchestrationCheckpoint checkpoint, DateTime now, CheckpointRows rows, bool inboxChecked = false)
    {
        var local = Checkpoint(w, checkpoint, now, rows);
        if (inboxChecked)
        {
            return new CheckpointWrite(false, local, checkpoint.Hold);
        }

        // Events that arrived while the step ran found the instance locked; wake a dispatcher for them now, and do not
        // keep holding an instance that has events to process.
        var morePending = HasVisibleEvents(w, checkpoint.WorkItem.Instance.InstanceId, now);
        if (morePending && checkpoint.Hold)
        {
            ReleaseHold(w, checkpoint.WorkItem.Instance.InstanceId);
        }

        return new CheckpointWrite(morePending, local, checkpoint.Hold && !morePending);
    }

    private CheckpointCommit Announce(OrchestrationCheckpoint checkpoint, CheckpointWrite written) =>
        Signal.Committed(checkpoint, written.MorePending, written.LocalActivity, written.Held);

    private static bool HasVisibleEvents(SqliteWriter w, string instanceId, DateTime now)
    {
        var pending = w.Command("SELECT EXISTS (SELECT 1 FROM NewEvents WHERE InstanceId = $i AND VisibleAt <= $now)");
        Add(pending, "$i", instanceId);
        Add(pending, "$now", now.Ticks);
        return pending.ExecuteScalar() is long and not 0;
    }

    private ActivityWorkItem? Checkpoint(SqliteWriter w, OrchestrationCheckpoint c, DateTime now, CheckpointRows rows)
    {
        var item = c.WorkItem;
        var worker = Worker.LockOwners.WorkerOf(item.LockOwner);
        var expires = (now + _settings.LockTimeout).Ticks;
        var instanceId = item.Instance.InstanceId;
        var executionId = c.ContinuedAsExecutionId ?? item.Instance.ExecutionId;
        var update = w.Command("""
            UPDATE Instances SET ExecutionId = $nx, Status = $s, Output = $out, CustomStatus = $cs, Failure = $f,
                Input = COALESCE($in, Input), LastUpdatedAt = $now, LockOwner = $lo, LockExpiration = $le
            WHERE InstanceId = $i AND LockOwner = $o AND ExecutionId = $x
            """);
        Add(update, "$nx", executionId);
        Add(update, "$s", (int)c.Status);
        Add(update, "$out", c.Output);
        Add(update, "$cs", c.CustomStatus);
        Add(update, "$f", DbRows.FailureJson(c.Failure));
        Add(update, "$in", c.NewInput);
        Add(update, "$now", now.Ticks);
        Add(update, "$i", instanceId);
        Add(update, "$o", item.LockOwner);
        Add(update, "$x", item.Instance.ExecutionId);
        Add(update, "$lo", c.Hold ? Worker.LockOwners.Held(worker) : null);
        Add(update, "$le", c.Hold ? expires : null);
        if (update.ExecuteNonQuery() != 1)
        {
            throw new ConflictException($"Instance '{instanceId}' is no longer locked by {item.LockOwner}.");
        }

        if (c.ConsumedEventIds.Count > 0)
        {
            // One event (the common step) by its key; many in one statement.
            var del = c.ConsumedEventIds.Count == 1
                ? w.Command("DELETE FROM NewEvents WHERE Id = $ids AND InstanceId = $i")
                : w.Command("DELETE FROM NewEvents WHERE Id IN (SELECT value FROM json_each($ids)) AND InstanceId = $i");
            Add(del, "$ids", c.ConsumedEventIds.Count == 1
                ? c.ConsumedEventIds[0]
                : "[" + string.Join(",", c.ConsumedEventIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]");
            Add(del, "$i", instanceId);
            if (del.ExecuteNonQuery() != c.ConsumedEventIds.Count)
            {
                throw new ConflictException($"Inbox events of '{instanceId}' were already consumed.");
            }
        }

        if (c.ContinuedAsExecutionId is not null)
        {
            var clear = w.Command("DELETE FROM History WHERE InstanceId = $i");
            Add(clear, "$i", instanceId);
            clear.ExecuteNonQuery();
            var tasks = w.Command("DELETE FROM NewTasks WHERE InstanceId = $i");
            Add(tasks, "$i", instanceId);
            tasks.ExecuteNonQuery();
        }
        else
        {
            if (c.NewHistory.Count > 0)
            {
                // Sequence numbers continue the history this step replayed; a clash means another worker got there first.
                InsertHistory(w, instanceId, executionId, item.History.Count, c.NewHistory, rows.History);
            }
        }

        ActivityWorkItem? local = null;
        foreach (var activity in c.Activities)
        {
            // A held instance's one activity is queued already locked for this worker, which runs it next.
            var insert = w.Command("""
                INSERT INTO NewTasks (InstanceId, ExecutionId, Name, TaskId, Input, VisibleAt, LockOwner, LockExpiration, DequeueCount)
                VALUES ($i, $x, $n, $task, $in, $v, $lo, $le, $dc)
                RETURNING Id
                """);
            Add(insert, "$i", instanceId);
            Add(insert, "$x", executionId);
            Add(insert, "$n", activity.Name);
            Add(insert, "$task", activity.TaskId);
            Add(insert, "$in", activity.Input);
            Add(insert, "$v", now.Ticks);
            Add(insert, "$lo", c.Hold ? worker : null);
            Add(insert, "$le", c.Hold ? expires : null);
            Add(insert, "$dc", c.Hold ? 1 : 0);
            var id = (long)insert.ExecuteScalar()!;
            if (c.Hold)
            {
                local = new ActivityWorkItem(id, instanceId, executionId, activity.Name, activity.TaskId, activity.Input, 1, worker);
            }
        }

        foreach (var sub in c.SubOrchestrations)
        {
            try
            {
                w.Command("SAVEPOINT sub").ExecuteNonQuery();
                CreateInstance(w, sub, now, now);
                w.Command("RELEASE sub").ExecuteNonQuery();
            }
            catch (InstanceAlreadyExistsException ex)
            {
                w.Command("ROLLBACK TO sub").ExecuteNonQuery();
                w.Command("RELEASE sub").ExecuteNonQuery();
                var failed = new HistoryEvent(EventType.SubOrchestrationInstanceFailed)
                {
                    TaskId = sub.Started.ParentTaskId,
                    Timestamp = now,
                    Failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!, ex.Message, IsNonRetriable: true),
                };
                InsertEvent(w, instanceId, executionId, failed, now);
            }
        }

        for (var m = 0; m < c.Messages.Count; m++)
        {
            var message = c.Messages[m];
            InsertEvent(w, message.InstanceId, message.ExecutionId, message.Event.Type, rows.Messages[m], message.VisibleAt);
            if (message.InstanceId != instanceId)
            {
                ReleaseHold(w, message.InstanceId);
            }
        }

        return local;
    }
}
