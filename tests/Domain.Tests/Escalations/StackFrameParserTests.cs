using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class StackFrameParserTests
{
    [Theory]
    [InlineData("   at Shop.Cart.Total() in C:\\build\\src\\Cart.cs:line 12", "C:/build/src/Cart.cs", 12)]
    [InlineData("\tat com.shop.Cart.total(Cart.java:42)", "Cart.java", 42)]
    [InlineData("  File \"/app/shop/cart.py\", line 7, in total", "app/shop/cart.py", 7)]
    [InlineData("    at total (/srv/app/src/cart.js:10:5)", "srv/app/src/cart.js", 10)]
    [InlineData("\t/go/src/shop/cart.go:55 +0x1d", "go/src/shop/cart.go", 55)]
    public void TryParse_RuntimeFormats_ReadFileAndLine(string line, string file, int number)
    {
        Assert.True(StackFrameParser.TryParse(line, out var frame));
        Assert.Equal(file, frame.File);
        Assert.Equal(number, frame.Line);
    }

    [Fact]
    public void TryParse_Prose_IsNotAFrame()
    {
        Assert.False(StackFrameParser.TryParse("customers are angry at the checkout page", out _));
    }
}
