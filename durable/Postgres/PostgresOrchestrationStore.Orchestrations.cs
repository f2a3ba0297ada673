using Npgsql;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Postgres;

internal sealed partial class PostgresOrchestrationStore
{
    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockNextOrchestrationsAsync(
        string owner, int max, HistoryCache? cache, CancellationToken cancellationToken)
    {
        var now = Now;
        return await InTransactionAsync<IReadOnlyList<OrchestrationWorkItem>>(async (c, ct) =>
        {
            // SKIP LOCKED: workers on other machines looking at the same moment take other instances, never wait.
            List<InstanceRecord> instances;
            await using (var find = Command(c, $"""
                UPDATE hub.instances SET lock_owner = @o, lock_expiration = @exp
                WHERE instance_id IN (
                    SELECT i.instance_id FROM hub.instances i
                    WHERE (i.lock_expiration IS NULL OR i.lock_expiration < @now)
                      AND EXISTS (SELECT 1 FROM hub.new_events e WHERE e.instance_id = i.instance_id AND e.visible_at <= @now
                                  AND (i.status <> 7 OR e.event_type IN (2, 21)))
                    LIMIT @n FOR UPDATE OF i SKIP LOCKED)
                RETURNING {InstanceColumns}
                """, ("o", owner), ("exp", (now + _settings.LockTimeout).Ticks), ("now", now.Ticks), ("n", max)))
            {
                instances = await DbRows.ListAsync(find, DbRows.Instance, ct).ConfigureAwait(false);
            }

            var locked = new List<OrchestrationWorkItem>(instances.Count);
            foreach (var instance in instances)
            {
                if (await TakeInboxAsync(c, instance, owner, now, cache, ct).ConfigureAwait(false) is { } item)
                {
                    locked.Add(item);
                }
            }

            return locked;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrchestrationWorkItem?> TakeInboxAsync(
        NpgsqlConnection c, InstanceRecord instance, string owner, DateTime now, HistoryCache? cache, CancellationToken ct)
    {
        var events = new List<InboxEvent>();
        var poisoned = false;
        await using (var take = Command(c, """
            UPDATE hub.new_events SET dequeue_count = dequeue_count + 1 WHERE instance_id = @i AND visible_at <= @now
            RETURNING id, execution_id, dequeue_count, payload
            """, ("i", instance.InstanceId), ("now", now.Ticks)))
        await using (var r = await take.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var e = new InboxEvent(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), HistoryEvent.FromJson(r.GetString(3)));
                poisoned |= e.DequeueCount > _settings.MaxDequeueCount;
                events.Add(e);
            }
        }

        if (poisoned)
        {
            await FailPoisonedAsync(c, instance.InstanceId, $"An orchestration work item was dequeued more than {_settings.MaxDequeueCount} times "
                + "without completing (poison message); the instance was failed instead of retried again.", now, ct).ConfigureAwait(false);
            return null;
        }

        IReadOnlyList<HistoryEvent> history;
        if (cache is not null && cache.TryGet(instance.InstanceId, instance.ExecutionId, out var cached)
            && Convert.ToInt64(await ScalarAsync(c, "SELECT COUNT(*) FROM hub.history WHERE instance_id = @i AND execution_id = @x", ct,
                ("i", instance.InstanceId), ("x", instance.ExecutionId)).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == cached.Count)
        {
            history = cached;
        }
        else
        {
            await using var cmd = Command(c, "SELECT payload FROM hub.history WHERE instance_id = @i AND execution_id = @x ORDER BY sequence_number",
                ("i", instance.InstanceId), ("x", instance.ExecutionId));
            history = await DbRows.ListAsync(cmd, DbRows.Event, ct).ConfigureAwait(false);
        }

        return new OrchestrationWorkItem(instance, history, events.OrderBy(e => e.Id).ToList(), owner);
    }

    public async Task<CheckpointCommit> CompleteOrchestrationAsync(OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var now = Now;
        try
        {
            var (more, local, held) = await InTransactionAsync(
                (c, ct) => CheckpointAsync(c, checkpoint, now, ct), cancellationToken).ConfigureAwait(false);
            return Signal.Committed(checkpoint, more, local, held);
        }
        catch (ConflictException)
        {
            return CheckpointCommit.Conflict;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            // A history key clash: another worker already committed this step.
            return CheckpointCommit.Conflict;
        }
    }

    public async Task<(HeldStepResult Result, CheckpointCommit? Next)> CompleteHeldStepAsync(
        ActivityWorkItem task, HistoryEvent completion, OrchestrationCheckpoint next, CancellationToken cancellationToken)
    {
        var now = Now;
        var item = next.WorkItem;

        // A conflict (the instance changed under the held step) undoes the whole transaction and throws; the worker
        // then records the result the usual way.
        var (result, written) = await InTransactionAsync<(HeldStepResult, (bool More, ActivityWorkItem? Local, bool Held))>(async (c, ct) =>
        {
            // The instance row first: any event sent meanwhile either committed before this (and is seen below) or
            // waits for this transaction and then ends the hold it leaves.
            var owner = await ScalarAsync(c, "SELECT lock_owner FROM hub.instances WHERE instance_id = @i AND execution_id = @x FOR UPDATE", ct,
                ("i", item.Instance.InstanceId), ("x", item.Instance.ExecutionId)).ConfigureAwait(false) as string;
            if (!await DeleteTaskAsync(c, task, ct).ConfigureAwait(false))
            {
                await ReleaseHoldAsync(c, task.InstanceId, ct).ConfigureAwait(false);
                return (HeldStepResult.Dropped, default);
            }

            if (owner != item.LockOwner || await HasVisibleEventsAsync(c, item.Instance.InstanceId, now, ct).ConfigureAwait(false))
            {
                await InsertActivityResultAsync(c, task, completion.Type, completion.ToJson(), now, ct).ConfigureAwait(false);
                return (HeldStepResult.Queued, default);
            }

            return (HeldStepResult.Committed, await CheckpointAsync(c, next, now, ct).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);

        if (result != HeldStepResult.Committed)
        {
            Signal.NotifyOrchestrations();
            return (result, null);
        }

        // Announced only now that it is committed, so a woken dispatcher finds it.
        return (result, Signal.Committed(next, written.More, written.Local, written.Held));
    }

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken) =>
        InTransactionAsync(
            (c, ct) => ExecuteAsync(c, "UPDATE hub.instances SET lock_owner = NULL, lock_expiration = NULL WHERE instance_id = @i AND lock_owner = @o", ct,
                ("i", workItem.Instance.InstanceId), ("o", workItem.LockOwner)),
            cancellationToken);

    private async Task<bool> HasVisibleEventsAsync(NpgsqlConnection c, string instanceId, DateTime now, CancellationToken ct) =>
        await ScalarAsync(c, "SELECT EXISTS (SELECT 1 FROM hub.new_events WHERE instance_id = @i AND visible_at <= @now)", ct,
            ("i", instanceId), ("now", now.Ticks)).ConfigureAwait(false) is true;

    /// <summary>One orchestration step, as <c>SqliteOrchestrationStore.Checkpoint</c> commits it.</summary>
    private async Task<(bool MorePending, ActivityWorkItem? Local, bool Held)> CheckpointAsync(
        NpgsqlConnection c, OrchestrationCheckpoint checkpoint, DateTime now, CancellationToken ct)
    {
        var item = checkpoint.WorkItem;
        var worker = LockOwners.WorkerOf(item.LockOwner);
        var expires = (now + _settings.LockTimeout).Ticks;
        var instanceId = item.Instance.InstanceId;
        var executionId = checkpoint.ContinuedAsExecutionId ?? item.Instance.ExecutionId;
        var updated = await ExecuteAsync(c, """
            UPDATE hub.instances SET execution_id = @nx, status = @s, output = @out, custom_status = @cs, failure = @f,
                input = COALESCE(@in, input), last_updated_at = @now, lock_owner = @lo, lock_expiration = @le
            WHERE instance_id = @i AND lock_owner = @o AND execution_id = @x
            """, ct, ("nx", executionId), ("s", (int)checkpoint.Status), ("out", checkpoint.Output), ("cs", checkpoint.CustomStatus),
            ("f", DbRows.FailureJson(checkpoint.Failure)), ("in", checkpoint.NewInput), ("now", now.Ticks),
            ("lo", checkpoint.Hold ? LockOwners.Held(worker) : null), ("le", checkpoint.Hold ? expires : NullTicks.Value),
            ("i", instanceId), ("o", item.LockOwner), ("x", item.Instance.ExecutionId)).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new ConflictException($"Instance '{instanceId}' is no longer locked by {item.LockOwner}.");
        }

        if (checkpoint.ConsumedEventIds.Count > 0
            && await ExecuteAsync(c, "DELETE FROM hub.new_events WHERE id = ANY(@ids) AND instance_id = @i", ct,
                ("ids", checkpoint.ConsumedEventIds.ToArray()), ("i", instanceId)).ConfigureAwait(false) != checkpoint.ConsumedEventIds.Count)
        {
            throw new ConflictException($"Inbox events of '{instanceId}' were already consumed.");
        }

        if (checkpoint.ContinuedAsExecutionId is not null)
        {
            await ExecuteAsync(c, "DELETE FROM hub.history WHERE instance_id = @i", ct, ("i", instanceId)).ConfigureAwait(false);
            await ExecuteAsync(c, "DELETE FROM hub.new_tasks WHERE instance_id = @i", ct, ("i", instanceId)).ConfigureAwait(false);
        }
        else if (checkpoint.NewHistory.Count > 0)
        {
            // Sequence numbers continue the replayed history; a clash means another worker committed this step first.
            var events = checkpoint.NewHistory;
            await ExecuteAsync(c, """
                INSERT INTO hub.history (instance_id, execution_id, sequence_number, event_type, task_id, timestamp, payload)
                SELECT @i, @x, @start + n - 1, t, k, ts, p FROM unnest(@types, @tasks, @stamps, @payloads) WITH ORDINALITY AS u(t, k, ts, p, n)
                """, ct, ("i", instanceId), ("x", executionId), ("start", item.History.Count),
                ("types", events.Select(e => (int)e.Type).ToArray()), ("tasks", events.Select(e => e.TaskId).ToArray()),
                ("stamps", events.Select(e => e.Timestamp.Ticks).ToArray()), ("payloads", events.Select(e => e.ToJson()).ToArray())).ConfigureAwait(false);
        }

        ActivityWorkItem? local = null;
        foreach (var activity in checkpoint.Activities)
        {
            // A held instance's one activity is queued already locked for this worker, which runs it next.
            var id = (long)(await ScalarAsync(c, """
                INSERT INTO hub.new_tasks (instance_id, execution_id, name, task_id, input, visible_at, lock_owner, lock_expiration, dequeue_count)
                VALUES (@i, @x, @n, @task, @in, @v, @lo, @le, @dc) RETURNING id
                """, ct, ("i", instanceId), ("x", executionId), ("n", activity.Name), ("task", activity.TaskId), ("in", activity.Input),
                ("v", now.Ticks), ("lo", checkpoint.Hold ? worker : null), ("le", checkpoint.Hold ? expires : NullTicks.Value),
                ("dc", checkpoint.Hold ? 1 : 0)).ConfigureAwait(false))!;
            if (checkpoint.Hold)
            {
                local = new ActivityWorkItem(id, instanceId, executionId, activity.Name, activity.TaskId, activity.Input, 1, worker);
            }
        }

        foreach (var sub in checkpoint.SubOrchestrations)
        {
            await ExecuteAsync(c, "SAVEPOINT sub", ct).ConfigureAwait(false);
            try
            {
                await CreateInstanceAsync(c, sub, now, now, ct).ConfigureAwait(false);
                await ExecuteAsync(c, "RELEASE SAVEPOINT sub", ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InstanceAlreadyExistsException || ex is PostgresException { SqlState: UniqueViolation })
            {
                await ExecuteAsync(c, "ROLLBACK TO SAVEPOINT sub", ct).ConfigureAwait(false);
                var failed = new HistoryEvent(EventType.SubOrchestrationInstanceFailed)
                {
                    TaskId = sub.Started.ParentTaskId,
                    Timestamp = now,
                    Failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!,
                        new InstanceAlreadyExistsException(sub.InstanceId, OrchestrationRuntimeStatus.Running).Message, IsNonRetriable: true),
                };
                await InsertEventAsync(c, instanceId, executionId, failed.Type, failed.ToJson(), now, ct).ConfigureAwait(false);
            }
        }

        foreach (var message in checkpoint.Messages)
        {
            await InsertEventAsync(c, message.InstanceId, message.ExecutionId, message.Event.Type, message.Event.ToJson(), message.VisibleAt, ct)
                .ConfigureAwait(false);
        }

        // Events that arrived while the step ran found the instance locked: wake a dispatcher, and do not keep holding.
        var morePending = await HasVisibleEventsAsync(c, instanceId, now, ct).ConfigureAwait(false);
        if (morePending && checkpoint.Hold)
        {
            await ReleaseHoldAsync(c, instanceId, ct).ConfigureAwait(false);
        }

        return (morePending, local, checkpoint.Hold && !morePending);
    }
}
