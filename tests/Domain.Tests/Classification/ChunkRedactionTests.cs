using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class ChunkRedactionTests
{
    [Theory]
    [InlineData("remote: HTTP Basic: Access denied for glpat-AbCdEfGhIjKlMnOpQrSt12", "remote: HTTP Basic: Access denied for [REDACTED]")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abc", "Authorization: Bearer [REDACTED]")]
    [InlineData("connect failed: Host=db;Username=app;Password=s3cr3t!;Database=x", "connect failed: Host=db;Username=app;Password=[REDACTED];Database=x")]
    [InlineData("dial postgres://app:hunter2@db:5432/orders", "dial postgres://app:[REDACTED]@db:5432/orders")]
    [InlineData("api_key: \"abc123def\"", "api_key: \"[REDACTED]\"")]
    [InlineData("aws AKIAABCDEFGHIJKLMNOP used", "aws [REDACTED] used")]
    [InlineData("password authentication failed for user \"app\"", "password authentication failed for user \"app\"")]
    public void Redact_SecretsInFailureChunks_Masked(string input, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(input));
    }

    [Fact]
    public void Classify_ChunkWithToken_IsRedacted()
    {
        var result = FailureClassifier.BuiltIn.Classify("Unhandled exception. System.Exception: login failed\n   at X password=hunter2\n");

        Assert.Equal("Unhandled exception. System.Exception: login failed\n   at X password=[REDACTED]", result.Chunk!.Text);
    }
}
