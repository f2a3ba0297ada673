using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class ServiceMatcherTests
{
    private static readonly KnownService[] Services =
    [
        new("checkout", ["cart", "payment"], ["src/Checkout/**"]),
        new("billing", ["invoice"], ["src/Billing/**"]),
    ];

    [Fact]
    public void Match_TitleAndKeywords_RankAndExplain()
    {
        var candidates = ServiceMatcher.Match("Checkout broken", "cart and payment fail; one invoice too", [], [], Services);

        Assert.Equal(["checkout", "billing"], candidates.Select(c => c.Name));
        Assert.Contains("title names `checkout`", candidates[0].Reasons);
        Assert.Contains("keywords `cart`, `payment`", candidates[0].Reasons);
    }

    [Fact]
    public void Match_WordInsideAnotherWord_DoesNotCount()
    {
        Assert.Empty(ServiceMatcher.Match("x", "the cartography team and reinvoiced items", [], [], Services));
    }

    [Fact]
    public void Match_NothingMatches_Empty()
    {
        Assert.Empty(ServiceMatcher.Match("Login broken", "SSO fails", ["bug"], [], Services));
    }

    [Fact]
    public void Match_EndpointServed_PointsAtTheService()
    {
        KnownService[] services = [new("orders", [], ["src/Orders/**"], ["/api/orders"]), new("checkout", [], [], ["POST /api/checkout"])];

        var orders = ServiceMatcher.Match("x", "y", [], [], services, ["GET /api/orders/42"]);
        var checkout = ServiceMatcher.Match("x", "y", [], [], services, ["POST /api/checkout", "GET /api/ordersx"]);

        Assert.Equal("serves `GET /api/orders/42`", Assert.Single(orders).Reasons.Single());
        Assert.Equal("checkout", Assert.Single(checkout).Name);
    }
}
