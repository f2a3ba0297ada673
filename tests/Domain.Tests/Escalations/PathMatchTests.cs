using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class PathMatchTests
{
    [Theory]
    [InlineData("src/Checkout/Cart.cs", "src/Checkout/**", true)]
    [InlineData("src/Checkout/Deep/Cart.cs", "src/Checkout/*.cs", false)]
    [InlineData("src/Checkout/Cart.cs", "src/Checkout", true)]
    [InlineData("build/src/Checkout/Cart.cs", "src/Checkout/**", true)]
    [InlineData("src/CheckoutLegacy/Cart.cs", "src/Checkout", false)]
    [InlineData("src/Billing/Invoice.cs", "src/Checkout/**", false)]
    public void OwnedBy_PrefixesAndGlobs(string path, string pattern, bool expected)
    {
        Assert.Equal(expected, PathMatch.OwnedBy(path, [pattern]));
    }

    [Theory]
    [InlineData("/build/src/Checkout/Cart.cs", "src/Checkout/Cart.cs", 3)]
    [InlineData("C:\\agent\\src\\Cart.cs", "lib/Cart.cs", 1)]
    [InlineData("src/Cart.cs", "src/Basket.cs", 0)]
    public void SharedSuffix_ComparesFromTheFileName(string a, string b, int expected)
    {
        Assert.Equal(expected, PathMatch.SharedSuffix(a, b));
    }
}
