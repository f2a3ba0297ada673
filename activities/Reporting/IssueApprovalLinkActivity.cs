using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Reporting;

/// <summary>Asks the host for a signed, expiring, single-use approval link for the proposed action.</summary>
[DurableTask(ActivityNames.IssueApprovalLink)]
internal sealed class IssueApprovalLinkActivity(IApprovalLinkIssuer issuer) : TaskActivity<ApprovalLinkRequest, ApprovalLink>
{
    public override Task<ApprovalLink> RunAsync(TaskActivityContext context, ApprovalLinkRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return issuer.IssueAsync(input, CancellationToken.None);
    }
}
