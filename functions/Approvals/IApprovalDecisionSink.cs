namespace RagnarokOps.Functions.Approvals;

/// <summary>A decision made through an approval link, as the orchestration receives it.</summary>
internal sealed record ApprovalDecision(bool Approved, string Action, string By, string? Comment, DateTimeOffset DecidedAt)
{
    /// <summary>The external event name the orchestration waits on.</summary>
    public const string EventName = "ApprovalDecision";
}

/// <summary>Delivers a decision to the waiting case; the host wires it to RaiseEventAsync("ApprovalDecision", …).</summary>
internal interface IApprovalDecisionSink
{
    /// <summary>Raises the decision; throwing means it was not delivered (the link's nonce is then given back).</summary>
    Task RaiseAsync(string instanceId, ApprovalDecision decision, CancellationToken cancellationToken);
}
