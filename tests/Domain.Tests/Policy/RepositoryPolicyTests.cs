using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Policy;

public sealed class RepositoryPolicyTests
{
    [Fact]
    public void MayApprove_UserGroupOrAccessLevel()
    {
        var approval = PolicyParser.Parse("approval:\n  min_access_level: 50\n  users: ['@bob']\n  groups: [acme/sre]\n  timeout: 2d\n").GetOrThrow().Approval;

        Assert.Equal(TimeSpan.FromDays(2), approval.Timeout);
        Assert.True(approval.MayApprove("bob", 10, []).Allowed);
        Assert.True(approval.MayApprove("carol", 30, ["acme/sre"]).Allowed);
        Assert.True(approval.MayApprove("dave", 50, []).Allowed);
        var (allowed, reason) = approval.MayApprove("eve", 40, ["acme/web"]);
        Assert.False(allowed);
        Assert.Equal("eve has access level 40; approval needs 50 or a listed user or group", reason);
    }

    [Fact]
    public void ServicesForPath_MatchesGlobs()
    {
        var policy = PolicyParser.Parse(PolicyParserTests.DocsExampleText()).GetOrThrow();

        Assert.Equal(["orders"], policy.ServicesForPath("libs/pricing/src/Tax.cs").Select(s => s.Name));
        Assert.Equal(["payments"], policy.ServicesForPath("/services/payments/api/Refund.cs").Select(s => s.Name));
        Assert.Empty(policy.ServicesForPath("services/ordersv2/x.cs"));
        Assert.Equal("services/orders/**", policy.FindService("orders")!.MatchingPath("services/orders/a/b.cs"));
    }

    [Fact]
    public void ServiceWith_NewPaths_MatchesTheNewPaths()
    {
        var service = new ServicePolicy("a", ["a/**"], [], [], [], null);

        var moved = service with { Paths = ["b/**"] };

        Assert.True(moved.Owns("b/x.cs"));
        Assert.False(moved.Owns("a/x.cs"));
    }
}
