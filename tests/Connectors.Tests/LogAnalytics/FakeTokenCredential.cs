using Azure.Core;

namespace RagnarokOps.Connectors.Tests.LogAnalytics;

/// <summary>Hands out a fixed token and remembers which scopes were asked for.</summary>
internal sealed class FakeTokenCredential(string token = "fake-token-7f3a9c") : TokenCredential
{
    public string Token => token;

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.AddRange(requestContext.Scopes);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
