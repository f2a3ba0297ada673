using System.Collections.Concurrent;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>
/// The parsed history of instances this worker stepped recently, so the next step reads only what is new.
/// The store checks the cached length against the database before trusting it, so another process's commits
/// are never missed.
/// </summary>
internal sealed class HistoryCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, (string ExecutionId, IReadOnlyList<HistoryEvent> History)> _entries =
        new(StringComparer.Ordinal);

    public bool TryGet(string instanceId, string executionId, out IReadOnlyList<HistoryEvent> history)
    {
        if (_entries.TryGetValue(instanceId, out var entry) && entry.ExecutionId == executionId)
        {
            history = entry.History;
            return true;
        }

        history = [];
        return false;
    }

    public void Set(string instanceId, string executionId, IReadOnlyList<HistoryEvent> history)
    {
        if (_entries.Count >= capacity)
        {
            // Crude but bounded: a cleared cache only costs full reads until it warms up again.
            _entries.Clear();
        }

        _entries[instanceId] = (executionId, history);
    }

    public void Remove(string instanceId) => _entries.TryRemove(instanceId, out _);
}
