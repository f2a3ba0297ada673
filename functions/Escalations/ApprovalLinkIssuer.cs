using RagnarokOps.Activities.Reporting;
using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Escalations;

/// <summary>Issues the escalation's approval link with this host's signing key and public address.</summary>
internal sealed class ApprovalLinkIssuer(ApprovalLinks links, TimeProvider time) : IApprovalLinkIssuer
{
    /// <summary>Activities run a little after the orchestrator asked; a link never gets less than a minute.</summary>
    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    public Task<Activities.Reporting.ApprovalLink> IssueAsync(ApprovalLinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validFor = request.ExpiresAt - time.GetUtcNow();
        var link = links.Create(request.InstanceId, request.Action, validFor < Shortest ? Shortest : validFor);
        return Task.FromResult(new Activities.Reporting.ApprovalLink(link.Url.ToString(), request.Action, link.Token.Claims.ExpiresAt));
    }
}
