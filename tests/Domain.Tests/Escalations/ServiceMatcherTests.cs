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
}
