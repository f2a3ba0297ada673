using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class SignatureExtractorTests
{
    [Fact]
    public void Extract_StatusCodes_OnlyInHttpContext()
    {
        var s = SignatureExtractor.Extract("500 customers affected; API answered 503 and we saw 404 Not Found, status: 429");

        Assert.Equal([503, 404, 429], s.StatusCodes);
    }

    [Fact]
    public void Extract_Endpoints_NormalisedWithoutQuery()
    {
        var s = SignatureExtractor.Extract("calls to post /api/orders/42?x=1 and `GET /health` fail");

        Assert.Equal(["POST /api/orders/42", "GET /health"], s.Endpoints);
    }

    [Fact]
    public void Extract_ErrorCodesAndExceptions_Distinct()
    {
        var s = SignatureExtractor.Extract("KeyError then ERR_CART_LOCKED, E4012, ERR_CART_LOCKED again; java.lang.IllegalStateException");

        Assert.Equal(["KeyError", "java.lang.IllegalStateException"], s.ExceptionTypes);
        Assert.Equal(["ERR_CART_LOCKED", "E4012"], s.ErrorCodes);
    }

    [Fact]
    public void Extract_ApostrophesAreNotQuotes()
    {
        var s = SignatureExtractor.Extract("the customer's order doesn't load");

        Assert.Empty(s.Phrases);
    }
}
