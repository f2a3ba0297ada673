using System.Collections.Concurrent;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Activities.Reporting;

namespace RagnarokOps.Functions.Tests.Approvals;

/// <summary>A decision sink that records what it is given, or fails while <see cref="Failing"/> is set.</summary>
internal sealed class RecordingDecisionSink : IApprovalDecisionSink
{
    private readonly ConcurrentQueue<(string InstanceId, ApprovalDecision Decision)> _raised = new();

    public bool Failing { get; set; }

    public IReadOnlyList<(string InstanceId, ApprovalDecision Decision)> Raised => [.. _raised];

    public Task RaiseAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("engine unavailable");
        }

        _raised.Enqueue((instanceId, decision));
        return Task.CompletedTask;
    }
}
