using RagnarokOps.Domain.Repro;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Domain.Tests.Redaction;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("Cookie")]
    [InlineData("X-Api-Key")]
    [InlineData("PRIVATE-TOKEN")]
    [InlineData("X-Gitlab-Token")]
    [InlineData("X-Amz-Security-Token")]
    [InlineData("password")]
    [InlineData("client_secret")]
    public void IsSecretName_CredentialNames_AreSecret(string name) => Assert.True(SecretRedactor.IsSecretName(name));

    [Theory]
    [InlineData("Accept")]
    [InlineData("Content-Type")]
    [InlineData("X-Request-Id")]
    [InlineData("sku")]
    [InlineData("coupon")]
    public void IsSecretName_OrdinaryNames_AreNot(string name) => Assert.False(SecretRedactor.IsSecretName(name));

    [Fact]
    public void RedactHeaders_CredentialHeaders_LoseTheirValues()
    {
        var headers = SecretRedactor.RedactHeaders([new("Authorization", "Bearer abc.def.ghi"), new("Cookie", "sid=1"), new("X-Api-Key", "k1"), new("Accept", "text/html")]);

        Assert.Equal(["[REDACTED]", "[REDACTED]", "[REDACTED]", "text/html"], headers.Select(h => h.Value));
    }

    [Theory]
    [InlineData("""{"user":"ann","password":"p@ss\"word"}""", """{"user":"ann","password":"[REDACTED]"}""")]
    [InlineData("""{ "access_token" : "abc", "nested": { "apiKey": "xyz" } }""", """{ "access_token" : "[REDACTED]", "nested": { "apiKey": "[REDACTED]" } }""")]
    [InlineData("username=ann&password=hunter2&remember=1", "username=ann&password=[REDACTED]&remember=1")]
    [InlineData("/api/orders?coupon=SPRING&access_token=tok-1&q=2", "/api/orders?coupon=SPRING&access_token=[REDACTED]&q=2")]
    [InlineData("Server=db;Database=shop;User Id=app;Password=hunter2;", "Server=db;Database=shop;User Id=app;Password=[REDACTED];")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=AbC+/1==;EndpointSuffix=core.windows.net", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED];EndpointSuffix=core.windows.net")]
    [InlineData("failed to reach postgres://app:s3cret@db:5432/shop", "failed to reach postgres://app:[REDACTED]@db:5432/shop")]
    [InlineData("upstream said: Authorization: Bearer abcdef123456", "upstream said: Authorization: Bearer [REDACTED]")]
    [InlineData("Basic dXNlcjpwYXNzd29yZA==", "Basic [REDACTED]")]
    [InlineData("Token AbCdEfGhIjKl", "Token [REDACTED]")]
    [InlineData("no error token appears in the diff", "no error token appears in the diff")]
    [InlineData("- **Error signatures:** HTTP 500", "- **Error signatures:** HTTP 500")]
    [InlineData("deploy_token: gldt-AbCdEfGhIjKlMnOpQrSt12", "deploy_token: [REDACTED]")]
    [InlineData("Bearer tokens and Basic authentication are stripped", "Bearer tokens and Basic authentication are stripped")]
    [InlineData("token glpat-AbCdEfGhIjKlMnOpQrSt12 leaked", "token [REDACTED] leaked")]
    [InlineData("<login><user>ann</user><password>pw</password></login>", "<login><user>ann</user><password>[REDACTED]</password></login>")]
    [InlineData("key AKIAABCDEFGHIJKLMNOP in log", "key [REDACTED] in log")]
    public void Redact_SecretsInText_AreReplacedAndTheRestKept(string text, string expected) => Assert.Equal(expected, SecretRedactor.Redact(text));

    [Fact]
    public void Redact_JwtAndPrivateKey_AreRemoved()
    {
        const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        var text = $"id_token was {Jwt}\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----";

        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(Jwt, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIEow", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_Twice_IsTheSameAsOnce()
    {
        var once = SecretRedactor.Redact("""{"password":"x"} token=abc Password=p; postgres://u:p@h/db""");

        Assert.Equal(once, SecretRedactor.Redact(once));
    }

    [Fact]
    public void Redact_NullOrEmpty_IsEmpty()
    {
        Assert.Equal(string.Empty, SecretRedactor.Redact(null));
        Assert.Equal(string.Empty, SecretRedactor.Redact(string.Empty));
    }
}
