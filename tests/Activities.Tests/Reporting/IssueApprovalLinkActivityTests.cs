using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Activities.Reporting;

namespace RagnarokOps.Activities.Tests.Reporting;

[Collection(SandboxCollection.Name)]
public sealed class IssueApprovalLinkActivityTests(SandboxCase sandbox)
{
    [Fact]
    public async Task RunAsync_Request_AsksTheHostsIssuerForThatInstanceActionAndExpiry()
    {
        var expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var request = new ApprovalLinkRequest(sandbox.Case.InstanceId, "revert:abc123", expires);

        var link = await sandbox.RunAsync<IssueApprovalLinkActivity, ApprovalLinkRequest, ApprovalLink>(request);

        var issuer = (FakeApprovalLinkIssuer)sandbox.Services.GetRequiredService<IApprovalLinkIssuer>();
        Assert.Contains(request, issuer.Requests);
        Assert.Equal("revert:abc123", link.Action);
        Assert.Equal(expires, link.ExpiresAt);
        Assert.Contains(sandbox.Case.InstanceId, link.Url, StringComparison.Ordinal);
    }
}
