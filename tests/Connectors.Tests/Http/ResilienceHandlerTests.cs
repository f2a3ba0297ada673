using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using RagnarokOps.Connectors.Http;

namespace RagnarokOps.Connectors.Tests.Http;

public sealed class ResilienceHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeHttpMessageHandler _server = new();
    private readonly InstantTimeProvider _time = new(Now);

    [Fact]
    public async Task SendAsync_429WithRetryAfter_WaitsThatLongAndRetries()
    {
        _server.Respond(HttpStatusCode.TooManyRequests, "Retry later", "text/plain", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(9)))
            .Respond(HttpStatusCode.OK, "{}");
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(9)], _time.Delays);
    }

    [Fact]
    public async Task SendAsync_503WithoutHint_RetriesWithBackoff()
    {
        _server.Respond(HttpStatusCode.ServiceUnavailable, "down", "text/plain")
            .Respond(HttpStatusCode.ServiceUnavailable, "down", "text/plain")
            .Respond(HttpStatusCode.OK, "{}");
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, _time.Delays.Count);
        Assert.All(_time.Delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task SendAsync_400_DoesNotRetry()
    {
        _server.Respond(HttpStatusCode.BadRequest, """{"message":"400 (Bad request) \"title\" not given"}""");
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_PersistentFailure_StopsAfterMaxAttemptsAndReturnsLastResponse()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Respond(HttpStatusCode.BadGateway, $"bad gateway {i}", "text/plain");
        }

        using var client = CreateClient(new HttpResilienceOptions { MaxRetryAttempts = 2, AttemptTimeout = Timeout.InfiniteTimeSpan });

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("bad gateway 2", await response.Content.ReadAsStringAsync(CancellationToken.None));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondCap_ReturnsTheResponseWithoutWaiting()
    {
        _server.Respond(HttpStatusCode.TooManyRequests, "Retry later", "text/plain", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)));
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_RateLimitResetEpoch_WaitsUntilReset()
    {
        _server.Respond(HttpStatusCode.TooManyRequests, "Retry later", "text/plain", r => r.Headers.TryAddWithoutValidation("RateLimit-Reset", Now.AddSeconds(4).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Respond(HttpStatusCode.OK, "{}");
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(4)], _time.Delays);
    }

    [Fact]
    public async Task SendAsync_ConnectionError_Retries()
    {
        _server.Respond(_ => throw new HttpRequestException("connection refused"))
            .Respond(HttpStatusCode.OK, "{}");
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("https://gitlab.test/api/v4/x"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_PostBody_IsSentAgainOnRetry()
    {
        // 429: a refusal, the one status after which a POST is retried without an opt-in.
        _server.Respond(HttpStatusCode.TooManyRequests, "slow down", "text/plain").Respond(HttpStatusCode.Created, "{}");
        using var client = CreateClient();

        using var content = new StringContent("""{"title":"x"}""");
        using var response = await client.PostAsync(new Uri("https://gitlab.test/api/v4/x"), content, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.All(_server.Requests, r => Assert.Equal("""{"title":"x"}""", r.Body));
    }

    [Fact]
    public async Task SendAsync_Post503_IsNotRetriedBecauseTheServerMayHaveActed()
    {
        _server.Respond(HttpStatusCode.ServiceUnavailable, "down", "text/plain");
        using var client = CreateClient();

        using var content = new StringContent("""{"body":"note"}""");
        using var response = await client.PostAsync(new Uri("https://gitlab.test/api/v4/x"), content, CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_server.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task SendAsync_Patch502_IsNotRetried()
    {
        _server.Respond(HttpStatusCode.BadGateway, "bad gateway", "text/plain");
        using var client = CreateClient();

        using var content = new StringContent("{}");
        using var response = await client.PatchAsync(new Uri("https://gitlab.test/api/v4/x"), content, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_Put503_IsRetriedBecausePutIsIdempotent()
    {
        _server.Respond(HttpStatusCode.ServiceUnavailable, "down", "text/plain").Respond(HttpStatusCode.OK, "{}");
        using var client = CreateClient();

        using var content = new StringContent("{}");
        using var response = await client.PutAsync(new Uri("https://gitlab.test/api/v4/x"), content, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_Post503WithOptIn_IsRetried()
    {
        _server.Respond(HttpStatusCode.ServiceUnavailable, "down", "text/plain").Respond(HttpStatusCode.Created, "{}");
        using var client = CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("https://gitlab.test/api/v4/x")) { Content = new StringContent("{}") };
        request.Options.Set(RetrySafety.RetryNonIdempotent, true);
        using var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_PostConnectionRefused_IsRetriedBecauseNothingWasSent()
    {
        _server.Respond(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"))
            .Respond(HttpStatusCode.Created, "{}");
        using var client = CreateClient();

        using var content = new StringContent("{}");
        using var response = await client.PostAsync(new Uri("https://gitlab.test/api/v4/x"), content, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_PostResponseEnded_IsNotRetriedAndThrows()
    {
        _server.Respond(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection reset after the body went out"));
        using var client = CreateClient();

        using var content = new StringContent("{}");
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri("https://gitlab.test/api/v4/x"), content, CancellationToken.None));

        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        Assert.Single(_server.Requests);
    }

    private HttpClient CreateClient(HttpResilienceOptions? options = null)
    {
        var pipeline = HttpResiliencePipelines.Create(
            options ?? new HttpResilienceOptions { AttemptTimeout = Timeout.InfiniteTimeSpan },
            _time,
            NullLogger.Instance);
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = _server });
    }
}
