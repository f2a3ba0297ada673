namespace RagnarokOps.DurableTask.Storage;

/// <summary>
/// Held instances: a step whose only open work is one activity keeps its instance locked (held) and queues that
/// activity locked for the same worker, so the activity's result and the step it leads to commit together. Any new
/// inbox event for a held instance ends the hold, so events never wait behind a running activity.
/// </summary>
internal sealed partial class SqliteOrchestrationStore
{
    public async Task<(HeldStepResult Result, CheckpointCommit? Next)> CompleteHeldStepAsync(
        ActivityWorkItem task, HistoryEvent completion, OrchestrationCheckpoint next, CancellationToken cancellationToken)
    {
        var now = Now;
        var payload = completion.ToJson();
        var rows = new CheckpointRows(HistoryRows(next.NewHistory), next.Messages.Select(m => m.Event.ToJson()).ToList());
        var item = next.WorkItem;
        var (result, written) = await _writer.WriteAsync(w =>
        {
            if (!DeleteTask(w, task))
            {
                // Another worker took the task after our locks expired; its result will arrive, so let the instance go.
                ReleaseHold(w, task.InstanceId);
                return (HeldStepResult.Dropped, default(CheckpointWrite));
            }

            // Still held by this worker, with nothing else in its inbox. Only this worker writes a held instance (any other
            // writer takes the lock first, which ends the hold), so its history is still the one cached; a history key
            // clash would undo this write anyway.
            var ready = w.Command("""
                SELECT EXISTS (SELECT 1 FROM Instances WHERE InstanceId = $i AND ExecutionId = $x AND LockOwner = $o)
                   AND NOT EXISTS (SELECT 1 FROM NewEvents WHERE InstanceId = $i AND VisibleAt <= $now)
                """);
            Add(ready, "$i", item.Instance.InstanceId);
            Add(ready, "$x", item.Instance.ExecutionId);
            Add(ready, "$o", item.LockOwner);
            Add(ready, "$now", now.Ticks);
            if (ready.ExecuteScalar() is not (long and not 0))
            {
                // Someone sent the instance an event (or took it): the result joins its inbox, in order, as usual.
                InsertActivityResult(w, task, completion.Type, payload, now);
                ReleaseHold(w, task.InstanceId);
                return (HeldStepResult.Queued, default);
            }

            // Nothing can reach the inbox between that check and this commit: the writer runs one write at a time.
            return (HeldStepResult.Committed, CheckpointAndRelease(w, next, now, rows, inboxChecked: true));
        }, cancellationToken).ConfigureAwait(false);

        if (result != HeldStepResult.Committed)
        {
            Signal.NotifyOrchestrations();
            return (result, null);
        }

        return (result, Announce(next, written));
    }

    /// <summary>Lets go of an instance held for its activity, so a dispatcher picks up what was just sent to it.</summary>
    private static void ReleaseHold(SqliteWriter w, string instanceId)
    {
        var cmd = w.Command("UPDATE Instances SET LockOwner = NULL, LockExpiration = NULL WHERE InstanceId = $i AND LockOwner LIKE $held");
        Add(cmd, "$i", instanceId);
        Add(cmd, "$held", "%" + Worker.LockOwners.HeldSuffix);
        cmd.ExecuteNonQuery();
    }
}
