using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Domain.Tests.Scoring;

public sealed class TokensTests
{
    [Fact]
    public void Extract_SpecificIdentifiers_WeighMoreThanWords()
    {
        var tokens = Tokens.Extract("payment.timeout_ms and PricingEngine checkout coupon");

        Assert.Equal(Tokens.Specific, tokens["payment.timeout_ms"]);
        Assert.Equal(Tokens.Specific, tokens["pricingengine"]);
        Assert.Equal(Tokens.LongWord, tokens["checkout"]);
        Assert.Equal(Tokens.LongWord, tokens["coupon"]);
        Assert.True(tokens.ContainsKey("timeout_ms"));
        Assert.True(tokens.ContainsKey("pricing"));
    }

    [Fact]
    public void Extract_StopwordsShasAndNumbers_AreDropped()
    {
        var tokens = Tokens.Extract("the error since 1234 deadbeef1234 exception public return");

        Assert.Empty(tokens);
    }

    [Fact]
    public void Extract_ConfigKeyWithDoubleUnderscore_SplitsToMeetTheKeyAlone()
    {
        var tokens = Tokens.Extract("Checkout__MaxPoolSize");

        Assert.True(tokens.ContainsKey("maxpoolsize"));
    }
}
