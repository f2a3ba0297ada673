namespace RagnarokOps.Functions.Approvals;

/// <summary>One used approval nonce: which case, what was decided, by whom and when.</summary>
internal sealed record ApprovalLedgerEntry(string Nonce, string InstanceId, string Decision, string DecidedBy, DateTimeOffset UsedAt);

/// <summary>Remembers used approval nonces so that a link decides once, across restarts.</summary>
internal interface IApprovalLedger
{
    /// <summary>Marks the nonce used; false when it already was. Atomic: of two racing callers exactly one wins.</summary>
    Task<bool> TryConsumeAsync(string nonce, string instanceId, string decision, string decidedBy, CancellationToken cancellationToken);

    Task<ApprovalLedgerEntry?> FindAsync(string nonce, CancellationToken cancellationToken);

    /// <summary>Forgets a nonce whose decision could not be delivered, so that the link can be used again.</summary>
    Task ReleaseAsync(string nonce, CancellationToken cancellationToken);
}
