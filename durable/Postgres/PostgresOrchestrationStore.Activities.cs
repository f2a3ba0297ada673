using Npgsql;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Postgres;

internal sealed partial class PostgresOrchestrationStore
{
    public Task<IReadOnlyList<ActivityWorkItem>> LockNextActivitiesAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = Now;
        return InTransactionAsync<IReadOnlyList<ActivityWorkItem>>(async (c, ct) =>
        {
            var items = new List<ActivityWorkItem>();
            await using (var cmd = Command(c, """
                UPDATE hub.new_tasks SET lock_owner = @o, lock_expiration = @exp, dequeue_count = dequeue_count + 1
                WHERE id IN (SELECT id FROM hub.new_tasks WHERE visible_at <= @now AND (lock_expiration IS NULL OR lock_expiration < @now)
                             ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED)
                RETURNING id, instance_id, execution_id, name, task_id, input, dequeue_count
                """, ("o", owner), ("exp", (now + _settings.LockTimeout).Ticks), ("now", now.Ticks), ("n", max)))
            await using (var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    items.Add(new ActivityWorkItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                        r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), owner));
                }
            }

            var poisoned = items.Where(i => i.DequeueCount > _settings.MaxDequeueCount).ToList();
            foreach (var p in poisoned)
            {
                await FailPoisonedAsync(c, p.InstanceId, $"Activity '{p.Name}' (#{p.TaskId}) was dequeued more than {_settings.MaxDequeueCount} times "
                    + "without completing (poison message); the instance was failed instead of retried again.", now, ct).ConfigureAwait(false);
            }

            return items.Except(poisoned).OrderBy(i => i.Id).ToList();
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ActivityWorkItem>> RenewActivityLocksAsync(IReadOnlyList<ActivityWorkItem> workItems, CancellationToken cancellationToken)
    {
        var expires = (Now + _settings.LockTimeout).Ticks;
        return InTransactionAsync<IReadOnlyList<ActivityWorkItem>>(async (c, ct) =>
        {
            var lost = new List<ActivityWorkItem>();
            foreach (var item in workItems)
            {
                if (await ExecuteAsync(c, "UPDATE hub.new_tasks SET lock_expiration = @exp WHERE id = @id AND lock_owner = @o", ct,
                    ("exp", expires), ("id", item.Id), ("o", item.LockOwner)).ConfigureAwait(false) != 1)
                {
                    lost.Add(item);
                    continue;
                }

                await ExecuteAsync(c, "UPDATE hub.instances SET lock_expiration = @exp WHERE instance_id = @i AND lock_owner = @held", ct,
                    ("exp", expires), ("i", item.InstanceId), ("held", Worker.LockOwners.Held(item.LockOwner))).ConfigureAwait(false);
            }

            return lost;
        }, cancellationToken);
    }

    public async Task<bool> CompleteActivityAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken)
    {
        var now = Now;
        var payload = (result with { Timestamp = now }).ToJson();
        var committed = await InTransactionAsync(async (c, ct) =>
            await DeleteTaskAsync(c, workItem, ct).ConfigureAwait(false)
            && await InsertActivityResultAsync(c, workItem, result.Type, payload, now, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (committed)
        {
            Signal.NotifyOrchestrations();
        }

        return committed;
    }

    private async Task<bool> DeleteTaskAsync(NpgsqlConnection c, ActivityWorkItem task, CancellationToken ct) =>
        await ExecuteAsync(c, "DELETE FROM hub.new_tasks WHERE id = @id AND lock_owner = @o", ct, ("id", task.Id), ("o", task.LockOwner))
            .ConfigureAwait(false) == 1;

    /// <summary>Queues an activity's result in its instance's inbox; only an execution that still runs gets it.</summary>
    private async Task<bool> InsertActivityResultAsync(NpgsqlConnection c, ActivityWorkItem task, EventType type, string payload, DateTime now, CancellationToken ct)
    {
        var running = await ScalarAsync(c, """
            SELECT 1 FROM hub.instances WHERE instance_id = @i AND execution_id = @x AND status NOT IN (1, 3, 5) FOR UPDATE
            """, ct, ("i", task.InstanceId), ("x", task.ExecutionId)).ConfigureAwait(false) is not null;
        if (running)
        {
            await InsertEventAsync(c, task.InstanceId, task.ExecutionId, type, payload, now, ct).ConfigureAwait(false);
        }

        return running;
    }
}
