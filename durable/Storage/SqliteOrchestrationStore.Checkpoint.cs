using Microsoft.Data.Sqlite;

namespace RagnarokOps.DurableTask.Storage;

internal sealed partial class SqliteOrchestrationStore
{
    private const int SqliteConstraint = 19;

    public async Task<CheckpointResult> CompleteOrchestrationAsync(OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var now = Now;

        // Serialize before queueing: the writer thread is the one serial resource.
        var historyJson = checkpoint.NewHistory.Select(e => e.ToJson()).ToList();
        var messageJson = checkpoint.Messages.Select(m => m.Event.ToJson()).ToList();
        bool morePending;
        try
        {
            morePending = await _writer.WriteAsync(w =>
            {
                Checkpoint(w, checkpoint, now, historyJson, messageJson);

                // Events that arrived while the step ran found the instance locked; wake a dispatcher for them now.
                var pending = w.Command("SELECT EXISTS (SELECT 1 FROM NewEvents WHERE InstanceId = $i AND VisibleAt <= $now)");
                Add(pending, "$i", checkpoint.WorkItem.Instance.InstanceId);
                Add(pending, "$now", now.Ticks);
                return pending.ExecuteScalar() is long and not 0;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException)
        {
            return CheckpointResult.Conflict;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // A history key clash: another worker already committed this step.
            return CheckpointResult.Conflict;
        }

        if (checkpoint.Activities.Count > 0)
        {
            Signal.NotifyActivities();
        }

        if (morePending || checkpoint.Messages.Count > 0 || checkpoint.SubOrchestrations.Count > 0 || checkpoint.ContinuedAsExecutionId is not null)
        {
            Signal.NotifyOrchestrations();
        }

        return CheckpointResult.Committed;
    }

    private void Checkpoint(SqliteWriter w, OrchestrationCheckpoint c, DateTime now, List<string> historyJson, List<string> messageJson)
    {
        var item = c.WorkItem;
        var instanceId = item.Instance.InstanceId;
        var executionId = c.ContinuedAsExecutionId ?? item.Instance.ExecutionId;
        var update = w.Command("""
            UPDATE Instances SET ExecutionId = $nx, Status = $s, Output = $out, CustomStatus = $cs, Failure = $f,
                Input = COALESCE($in, Input), LastUpdatedAt = $now, LockOwner = NULL, LockExpiration = NULL
            WHERE InstanceId = $i AND LockOwner = $o AND ExecutionId = $x
            """);
        Add(update, "$nx", executionId);
        Add(update, "$s", (int)c.Status);
        Add(update, "$out", c.Output);
        Add(update, "$cs", c.CustomStatus);
        Add(update, "$f", FailureJson(c.Failure));
        Add(update, "$in", c.NewInput);
        Add(update, "$now", now.Ticks);
        Add(update, "$i", instanceId);
        Add(update, "$o", item.LockOwner);
        Add(update, "$x", item.Instance.ExecutionId);
        if (update.ExecuteNonQuery() != 1)
        {
            throw new ConflictException($"Instance '{instanceId}' is no longer locked by {item.LockOwner}.");
        }

        foreach (var id in c.ConsumedEventIds)
        {
            var del = w.Command("DELETE FROM NewEvents WHERE Id = $id");
            Add(del, "$id", id);
            if (del.ExecuteNonQuery() != 1)
            {
                throw new ConflictException($"Inbox event {id} of '{instanceId}' was already consumed.");
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
            var sequence = item.History.Count;
            for (var h = 0; h < c.NewHistory.Count; h++)
            {
                var e = c.NewHistory[h];
                var insert = w.Command("""
                    INSERT INTO History (InstanceId, ExecutionId, SequenceNumber, EventType, TaskId, Timestamp, Payload)
                    VALUES ($i, $x, $n, $t, $task, $ts, $p)
                    """);
                Add(insert, "$i", instanceId);
                Add(insert, "$x", executionId);
                Add(insert, "$n", sequence++);
                Add(insert, "$t", (int)e.Type);
                Add(insert, "$task", e.TaskId);
                Add(insert, "$ts", e.Timestamp.Ticks);
                Add(insert, "$p", historyJson[h]);
                insert.ExecuteNonQuery();
            }
        }

        foreach (var activity in c.Activities)
        {
            var insert = w.Command("""
                INSERT INTO NewTasks (InstanceId, ExecutionId, Name, TaskId, Input, VisibleAt)
                VALUES ($i, $x, $n, $task, $in, $v)
                """);
            Add(insert, "$i", instanceId);
            Add(insert, "$x", executionId);
            Add(insert, "$n", activity.Name);
            Add(insert, "$task", activity.TaskId);
            Add(insert, "$in", activity.Input);
            Add(insert, "$v", now.Ticks);
            insert.ExecuteNonQuery();
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
            InsertEvent(w, message.InstanceId, message.ExecutionId, message.Event.Type, messageJson[m], message.VisibleAt);
        }
    }
}
