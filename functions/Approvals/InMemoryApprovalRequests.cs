using System.Collections.Concurrent;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// A request source kept in memory: the default until the engine's status is wired in, and handy for the demo
/// and tests. Requests past their expiry are not pending.
/// </summary>
internal sealed class InMemoryApprovalRequests(TimeProvider time) : IApprovalRequestSource
{
    private readonly ConcurrentDictionary<string, ApprovalRequest> _pending = new(StringComparer.Ordinal);

    public void Set(string instanceId, ApprovalRequest request) => _pending[instanceId] = request;

    public void Clear(string instanceId) => _pending.TryRemove(instanceId, out _);

    public Task<ApprovalRequest?> GetPendingAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(_pending.TryGetValue(instanceId, out var request) && time.GetUtcNow() < request.ExpiresAt ? request : null);
}
