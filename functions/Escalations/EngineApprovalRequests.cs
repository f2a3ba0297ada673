using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Functions.Escalations;

/// <summary>
/// Reads what a case waits for from the engine: a running instance whose custom status is awaiting-approval.
/// The action and expiry come from the link's own token (signed by this host), so the page and the POST check
/// exactly what the orchestration waits for.
/// </summary>
internal sealed class EngineApprovalRequests(EngineClient engine, ApprovalSigningKey key, TimeProvider time) : IApprovalRequestSource
{
    public async Task<ApprovalRequest?> GetPendingAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await engine.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is not { IsRunning: true } || instance.ReadCustomStatusAs<EscalationStatus>() is not { } status
            || status.Step != EscalationSteps.AwaitingApproval || status.ApprovalUrl is null)
        {
            return null;
        }

        var decoded = ApprovalTokenCodec.Decode(TokenOf(status.ApprovalUrl), key.Bytes);
        if (!decoded.IsValid || decoded.Claims is not { } claims || time.GetUtcNow() >= claims.ExpiresAt)
        {
            return null;
        }

        var summary = status.NoteUrl is null ? status.Detail : $"{status.Detail}\n\nTriage report: {status.NoteUrl}";
        return new ApprovalRequest(claims.Action, $"Approve {claims.Action} for {instanceId}", summary, claims.ExpiresAt)
        {
            Approvers = status.Approvers ?? RagnarokOps.Activities.Cases.CaseApprovers.Default,
            IssueUrl = status.NoteUrl?.Split('#')[0],
        };
    }

    private static string? TokenOf(string url)
    {
        var query = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Query : string.Empty;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue("token", out var token) ? token.ToString() : null;
    }
}
