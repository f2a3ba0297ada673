namespace RagnarokOps.Activities.Reporting;

/// <summary>
/// Issues the signed approval link for one action on one instance. The host implements it (the signing key and the
/// approval routes live in functions/); the IssueApprovalLink activity only calls it.
/// </summary>
public interface IApprovalLinkIssuer
{
    Task<ApprovalLink> IssueAsync(ApprovalLinkRequest request, CancellationToken cancellationToken);
}
