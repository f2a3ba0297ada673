namespace RagnarokOps.Functions.Approvals;

internal enum ApprovalTokenStatus
{
    Valid,
    Malformed,
    Forged,
    Expired,
    WrongInstance,
    WrongAction,
    AlreadyUsed,
}

/// <summary>The outcome of checking a token; <see cref="Claims"/> is set once the signature holds.</summary>
internal sealed record ApprovalVerification(ApprovalTokenStatus Status, ApprovalClaims? Claims = null)
{
    public bool IsValid => Status == ApprovalTokenStatus.Valid;

    /// <summary>A short reason fit to show the person who followed the link (it names no secret).</summary>
    public string Reason => Status switch
    {
        ApprovalTokenStatus.Valid => "valid",
        ApprovalTokenStatus.Malformed => "malformed token",
        ApprovalTokenStatus.Forged => "bad signature: the token was not issued by this host",
        ApprovalTokenStatus.Expired => "expired: the approval window has closed",
        ApprovalTokenStatus.WrongInstance => "wrong instance: the token belongs to another case",
        ApprovalTokenStatus.WrongAction => "wrong action: the token approves a different action than the one pending",
        ApprovalTokenStatus.AlreadyUsed => "already used: this link has decided once and cannot decide again",
        _ => Status.ToString(),
    };
}
