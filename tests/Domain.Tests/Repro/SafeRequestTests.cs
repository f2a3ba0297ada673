using RagnarokOps.Domain.Repro;

namespace RagnarokOps.Domain.Tests.Repro;

public sealed class SafeRequestTests
{
    [Theory]
    [InlineData("https://checkout.prod.example.com/api/orders?x=1#frag", "/api/orders?x=1")]
    [InlineData("api/orders", "/api/orders")]
    [InlineData("//evil.example/path", "/evil.example/path")]
    [InlineData("/api/\"quoted\" path\\x", "/api/%22quoted%22%20path%5Cx")]
    [InlineData("/caf\u00e9?q=100%", "/caf%C3%A9?q=100%25")]
    [InlineData("/ok%20encoded", "/ok%20encoded")]
    public void From_Paths_BecomeSafeRelativeUriPaths(string path, string expected) =>
        Assert.Equal(expected, SafeRequest.From(Request(path)).PathAndQuery);

    [Fact]
    public void From_Headers_DropsTransportHeadersAndMovesCredentialsToVariables()
    {
        var safe = SafeRequest.From(Request("/", [new("Host", "prod"), new("Content-Length", "9"), new("Authorization", "Bearer x"), new("X-Api-Key", "k"), new("X_Api_Key", "k2"), new("Accept", "a"), new("accept", "b"), new("Bad Name\n", "v")]));

        Assert.Equal(["Authorization", "X-Api-Key", "Accept", "BadName"], safe.Headers.Select(h => h.Name));
        Assert.Equal(["REPRO_AUTHORIZATION", "REPRO_X_API_KEY"], safe.SecretHeaders.Select(h => h.EnvironmentVariable!));
        Assert.All(safe.SecretHeaders, h => Assert.Null(h.Value));
    }

    [Theory]
    [InlineData("post", "POST")]
    [InlineData(" Get ", "GET")]
    [InlineData("DEL'ETE", "DELETE")]
    [InlineData("\"; rm", "RM")]
    [InlineData("", "GET")]
    public void From_Method_IsAnUppercaseToken(string method, string expected) =>
        Assert.Equal(expected, SafeRequest.From(Request("/") with { Method = method }).Method);

    [Fact]
    public void ActualText_WithoutStatus_SaysWhatHappened()
    {
        Assert.Equal("connection refused", SafeRequest.From(Request("/") with { ActualStatus = null, ActualError = "connection refused" }).ActualText);
        Assert.Equal("502", SafeRequest.From(Request("/") with { ActualStatus = 502, ActualError = null }).ActualText);
    }

    private static FailingRequest Request(string path, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new("GET", path, headers ?? [], null, 200, 500, "boom");
}
