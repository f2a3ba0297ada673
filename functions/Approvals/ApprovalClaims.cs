namespace RagnarokOps.Functions.Approvals;

/// <summary>What an approval token says: which case, which action, until when, and its single-use nonce.</summary>
internal sealed record ApprovalClaims(string InstanceId, string Action, DateTimeOffset ExpiresAt, string Nonce);

/// <summary>A freshly issued token and what it binds.</summary>
internal sealed record IssuedApprovalToken(string Token, ApprovalClaims Claims);

/// <summary>The actions an approval can authorise, spelled the same by the orchestration and the link.</summary>
internal static class ApprovalActions
{
    public const string CreateDraftMergeRequest = "create-draft-mr";

    public static string Revert(string sha) => $"revert:{sha}";
}
