using RagnarokOps.Activities.Reporting;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Escalations;

/// <summary>Delivers a person's decision to the waiting case as the "ApprovalDecision" external event.</summary>
internal sealed class EngineApprovalDecisionSink(EngineClient engine) : IApprovalDecisionSink
{
    public Task RaiseAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken) =>
        engine.Client.RaiseEventAsync(instanceId, ApprovalDecision.EventName, decision, cancellationToken);
}
