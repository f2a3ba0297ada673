using Microsoft.Data.Sqlite;
using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Storage;

internal sealed partial class SqliteOrchestrationStore
{
    public async Task CreateInstanceAsync(NewInstanceRequest request, DateTime visibleAt, CancellationToken cancellationToken)
    {
        var now = Now;
        await _writer.WriteAsync(w =>
        {
            CreateInstance(w, request, visibleAt, now);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        Signal.NotifyOrchestrations();
    }

    public async Task<bool> SendEventAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken)
    {
        var now = Now;
        var sent = await _writer.WriteAsync(w =>
        {
            var status = ReadStatus(w, instanceId);
            if (status is null || (status is not (OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running
                or OrchestrationRuntimeStatus.Suspended)))
            {
                return false;
            }

            InsertEvent(w, instanceId, null, e with { Timestamp = now }, now);
            ReleaseHold(w, instanceId);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (sent)
        {
            Signal.NotifyOrchestrations();
        }

        return sent;
    }

    public async Task<IReadOnlyList<OrchestrationWorkItem>> LockNextOrchestrationsAsync(
        string owner, int max, HistoryCache? cache, CancellationToken cancellationToken)
    {
        var now = Now;
        var locked = await _writer.WriteAsync(w =>
        {
            // Oldest visible first by the VisibleAt index; DISTINCT lets SQLite stop after $n instances.
            var find = w.Command("""
                SELECT DISTINCT e.InstanceId FROM NewEvents e JOIN Instances i ON i.InstanceId = e.InstanceId
                WHERE e.VisibleAt <= $now AND (i.LockExpiration IS NULL OR i.LockExpiration < $now)
                  AND (i.Status <> 7 OR e.EventType IN (2, 21))
                LIMIT $n
                """);
            Add(find, "$now", now.Ticks);
            Add(find, "$n", max);
            var ids = new List<string>();
            using (var r = find.ExecuteReader())
            {
                while (r.Read())
                {
                    ids.Add(r.GetString(0));
                }
            }

            var items = new List<LockedRows>(ids.Count);
            foreach (var id in ids)
            {
                if (LockOne(w, id, owner, now, cache) is { } item)
                {
                    items.Add(item);
                }
            }

            return items;
        }, cancellationToken).ConfigureAwait(false);

        // Parse off the writer thread: the writer is the one serial resource, so it only moves bytes.
        return locked.Select(l => new OrchestrationWorkItem(
            l.Instance,
            l.Cached ?? l.History!.Select(HistoryEvent.FromJson).ToList(),
            l.Events.Select(e => new InboxEvent(e.Id, e.ExecutionId, e.DequeueCount, HistoryEvent.FromJson(e.Payload))).OrderBy(e => e.Id).ToList(),
            owner)).ToList();
    }

    private sealed record RawInbox(long Id, string? ExecutionId, int DequeueCount, string Payload);

    private sealed record LockedRows(InstanceRecord Instance, List<string>? History, IReadOnlyList<HistoryEvent>? Cached, List<RawInbox> Events);

    private LockedRows? LockOne(SqliteWriter w, string instanceId, string owner, DateTime now, HistoryCache? cache)
    {
        var lockCmd = w.Command($"UPDATE Instances SET LockOwner = $o, LockExpiration = $exp WHERE InstanceId = $i RETURNING {InstanceColumns}");
        Add(lockCmd, "$o", owner);
        Add(lockCmd, "$exp", (now + _settings.LockTimeout).Ticks);
        Add(lockCmd, "$i", instanceId);
        InstanceRecord instance;
        using (var r = lockCmd.ExecuteReader())
        {
            r.Read();
            instance = DbRows.Instance(r);
        }

        var events = new List<RawInbox>();
        var take = w.Command("""
            UPDATE NewEvents SET DequeueCount = DequeueCount + 1 WHERE InstanceId = $i AND VisibleAt <= $now
            RETURNING Id, ExecutionId, DequeueCount, Payload
            """);
        Add(take, "$i", instanceId);
        Add(take, "$now", now.Ticks);
        var poisoned = false;
        using (var r = take.ExecuteReader())
        {
            while (r.Read())
            {
                var inbox = new RawInbox(r.GetInt64(0), DbRows.NullableString(r, 1), r.GetInt32(2), r.GetString(3));
                poisoned |= inbox.DequeueCount > _settings.MaxDequeueCount;
                events.Add(inbox);
            }
        }

        if (poisoned)
        {
            FailPoisoned(w, instanceId, $"An orchestration work item was dequeued more than {_settings.MaxDequeueCount} times "
                + "without completing (poison message); the instance was failed instead of retried again.", now);
            return null;
        }

        if (cache is not null && cache.TryGet(instanceId, instance.ExecutionId, out var cached) && HistoryLengthIs(w, instance, cached.Count))
        {
            return new LockedRows(instance, null, cached, events);
        }

        return new LockedRows(instance, ReadHistory(w.Command(HistorySql), instance.InstanceId, instance.ExecutionId), null, events);
    }

    /// <summary>Whether the stored history has exactly <paramref name="count"/> events (a range probe on the key, not a scan).</summary>
    private static bool HistoryLengthIs(SqliteWriter w, InstanceRecord instance, int count)
    {
        var cmd = w.Command("SELECT COUNT(*) FROM History WHERE InstanceId = $i AND ExecutionId = $x AND SequenceNumber >= $from");
        Add(cmd, "$i", instance.InstanceId);
        Add(cmd, "$x", instance.ExecutionId);
        Add(cmd, "$from", Math.Max(0, count - 1));
        return cmd.ExecuteScalar() is long n && n == (count > 0 ? 1 : 0);
    }

    private const string HistorySql =
        "SELECT Payload FROM History WHERE InstanceId = $i AND ExecutionId = $x ORDER BY SequenceNumber";

    private static List<string> ReadHistory(SqliteCommand cmd, string instanceId, string executionId)
    {
        Add(cmd, "$i", instanceId);
        Add(cmd, "$x", executionId);
        var history = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            history.Add(r.GetString(0));
        }

        return history;
    }

    public async Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(w =>
        {
            var cmd = w.Command("UPDATE Instances SET LockOwner = NULL, LockExpiration = NULL WHERE InstanceId = $i AND LockOwner = $o");
            Add(cmd, "$i", workItem.Instance.InstanceId);
            Add(cmd, "$o", workItem.LockOwner);
            return cmd.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        Signal.NotifyOrchestrations();
    }
}
