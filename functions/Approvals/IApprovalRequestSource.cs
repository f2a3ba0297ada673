using RagnarokOps.Activities.Cases;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// What a case is waiting to have approved: the action (as in the token), a title, the evidence summary
/// (Markdown or plain text, shown as text), when the wait ends, who may decide and the issue they decide on.
/// </summary>
internal sealed record ApprovalRequest(string Action, string Title, string Summary, DateTimeOffset ExpiresAt)
{
    /// <summary>Who the policy lets decide (default: access level 40 or more).</summary>
    public CaseApprovers Approvers { get; init; } = CaseApprovers.Default;

    /// <summary>The issue whose <c>/ragnarok approve|reject</c> comment decides; null when unknown.</summary>
    public string? IssueUrl { get; init; }
}

/// <summary>Finds the approval a case is waiting for; the host wires it to the engine's custom status.</summary>
internal interface IApprovalRequestSource
{
    /// <summary>The pending request, or null when the case waits for nothing (decided, timed out or unknown).</summary>
    Task<ApprovalRequest?> GetPendingAsync(string instanceId, CancellationToken cancellationToken);
}
