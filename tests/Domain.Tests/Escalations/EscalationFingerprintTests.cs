using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class EscalationFingerprintTests
{
    [Theory]
    [InlineData("GET /api/orders/12345/items", "get /api/orders/{id}/items")]
    [InlineData("GET /api/orders/3f2b8c1e-0a1b-4c5d-9e8f-001122334455", "get /api/orders/{id}")]
    [InlineData("POST /api/checkout", "post /api/checkout")]
    public void MaskIds_IdsInPathsAreMasked(string endpoint, string expected)
    {
        Assert.Equal(expected, EscalationFingerprint.MaskIds(endpoint));
    }

    [Fact]
    public void Compute_DifferentEnvironment_DifferentFingerprint()
    {
        var signatures = SignatureExtractor.Extract("NullReferenceException on POST /api/cart");

        Assert.NotEqual(
            EscalationFingerprint.Compute("x", signatures, "checkout", "production"),
            EscalationFingerprint.Compute("x", signatures, "checkout", "staging"));
        Assert.Equal(16, EscalationFingerprint.Compute("x", signatures, null, null).Length);
    }
}
