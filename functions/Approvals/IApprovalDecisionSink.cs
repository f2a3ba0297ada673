using RagnarokOps.Activities.Reporting;

namespace RagnarokOps.Functions.Approvals;

/// <summary>Delivers a decision to the waiting case; the host wires it to RaiseEventAsync("ApprovalDecision", …).</summary>
internal interface IApprovalDecisionSink
{
    /// <summary>Raises the decision; throwing means it was not delivered (the link's nonce is then given back).</summary>
    Task RaiseAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken);
}
