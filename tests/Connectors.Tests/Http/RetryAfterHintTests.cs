using System.Net;
using System.Net.Http.Headers;
using RagnarokOps.Connectors.Http;

namespace RagnarokOps.Connectors.Tests.Http;

public sealed class RetryAfterHintTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_RetryAfterSeconds_ReturnsDelta()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterHint.From(response, Now));
    }

    [Fact]
    public void From_RetryAfterDate_ReturnsTimeUntilDate()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfterHint.From(response, Now));
    }

    [Fact]
    public void From_RetryAfterDateInThePast_ReturnsZero()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-30));

        Assert.Equal(TimeSpan.Zero, RetryAfterHint.From(response, Now));
    }

    [Fact]
    public void From_RateLimitResetEpoch_ReturnsTimeUntilReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", Now.AddSeconds(20).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfterHint.From(response, Now));
    }

    [Fact]
    public void From_RateLimitResetDeltaSeconds_ReturnsDelta()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", "5");

        Assert.Equal(TimeSpan.FromSeconds(5), RetryAfterHint.From(response, Now));
    }

    [Fact]
    public void From_RetryAfterWinsOverRateLimitReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", "40");

        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfterHint.From(response, Now));
    }

    [Fact]
    public void From_NoHeaders_ReturnsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", "soon");

        Assert.Null(RetryAfterHint.From(response, Now));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    public void IsTransient_Status_ClassifiesRetryable(HttpStatusCode status, bool expected) =>
        Assert.Equal(expected, RetryAfterHint.IsTransient(status));
}
