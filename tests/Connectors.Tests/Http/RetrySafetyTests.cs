using System.Net;
using Polly.Timeout;
using RagnarokOps.Connectors.Http;

namespace RagnarokOps.Connectors.Tests.Http;

public sealed class RetrySafetyTests
{
    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public void IsIdempotent_ByMethod_FollowsRfc9110(string method, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("https://gitlab.test/"));

        Assert.Equal(expected, RetrySafety.IsIdempotent(request));
    }

    [Fact]
    public void IsIdempotent_PostWithOptIn_IsTrue()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://gitlab.test/"));
        request.Options.Set(RetrySafety.RetryNonIdempotent, true);

        Assert.True(RetrySafety.IsIdempotent(request));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.BadGateway, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.GatewayTimeout, false)]
    public void ServerDidNotAct_ByStatus_OnlyRefusals(HttpStatusCode status, bool expected) =>
        Assert.Equal(expected, RetrySafety.ServerDidNotAct(status, null));

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, true)]
    [InlineData(HttpRequestError.NameResolutionError, true)]
    [InlineData(HttpRequestError.SecureConnectionError, true)]
    [InlineData(HttpRequestError.ResponseEnded, false)]
    [InlineData(HttpRequestError.Unknown, false)]
    public void ServerDidNotAct_ByConnectionError_OnlyBeforeTheRequestWentOut(HttpRequestError error, bool expected) =>
        Assert.Equal(expected, RetrySafety.ServerDidNotAct(null, new HttpRequestException(error, "x")));

    [Fact]
    public void ServerDidNotAct_AttemptTimeout_IsFalse() =>
        Assert.False(RetrySafety.ServerDidNotAct(null, new TimeoutRejectedException()));
}
