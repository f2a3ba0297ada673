using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class EscalationNormalizerTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private static readonly KnownService[] Services =
    [
        new("checkout", ["cart", "payment"], ["src/Checkout/**"]),
        new("billing", ["invoice"], ["src/Billing/**"]),
    ];

    private const string Description = """
        Customer: Globex Inc
        Since 14:05 UTC every POST /api/checkout?debug=1 in production returns HTTP 500.
        Error code ERR_PAYMENT_DECLINED, request-id: 7f3a9c2e-11aa. The log says "card token rejected".

        System.InvalidOperationException: Sequence contains no elements
           at Shop.Checkout.CartService.Total(Cart cart) in /build/src/Checkout/CartService.cs:line 88
        """;

    [Fact]
    public void Normalize_FullIssue_ExtractsEverySignature()
    {
        var e = EscalationNormalizer.Normalize(new EscalationInput("Checkout down", Description, ["P1"], [], Created), Services);

        Assert.Equal("checkout", e.Service);
        Assert.Equal("Globex Inc", e.Customer);
        Assert.Equal("production", e.Environment);
        Assert.Equal(["System.InvalidOperationException"], e.Signatures.ExceptionTypes);
        Assert.Equal([500], e.Signatures.StatusCodes);
        Assert.Equal(["ERR_PAYMENT_DECLINED"], e.Signatures.ErrorCodes);
        Assert.Equal(["POST /api/checkout"], e.Signatures.Endpoints);
        Assert.Equal(["7f3a9c2e-11aa"], e.Signatures.RequestIds);
        Assert.Contains("card token rejected", e.Signatures.Phrases);
        var frame = Assert.Single(e.Signatures.StackFrames);
        Assert.Equal("build/src/Checkout/CartService.cs", frame.File);
        Assert.Equal(88, frame.Line);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 5, 0, TimeSpan.Zero), e.EarliestHint);
    }

    [Fact]
    public void Normalize_ServiceFromStackPathsAndLabels_ExplainsWhy()
    {
        var e = EscalationNormalizer.Normalize(new EscalationInput("Broken", "at X.Y() in /app/src/Billing/Invoice.cs:line 3", ["service::billing"], [], Created), Services);

        var billing = Assert.Single(e.Services);
        Assert.Equal("billing", billing.Name);
        Assert.Contains(billing.Reasons, r => r.Contains("labelled", StringComparison.Ordinal));
        Assert.Contains(billing.Reasons, r => r.Contains("stack frames", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_SameProblemRaisedTwice_SameFingerprint()
    {
        var first = EscalationNormalizer.Normalize(new EscalationInput("Checkout down", Description, [], [], Created), Services);
        var reworded = Description.Replace("7f3a9c2e-11aa", "0b0b0b0b-2222", StringComparison.Ordinal)
            .Replace("14:05", "14:20", StringComparison.Ordinal).Replace("\n", "\n\n  ", StringComparison.Ordinal);
        var second = EscalationNormalizer.Normalize(new EscalationInput("Checkout DOWN again", reworded, [], ["+1 same here"], Created.AddHours(2)), Services);

        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void Normalize_DifferentProblem_DifferentFingerprint()
    {
        var first = EscalationNormalizer.Normalize(new EscalationInput("Checkout down", Description, [], [], Created), Services);
        var other = EscalationNormalizer.Normalize(new EscalationInput("Invoices late", "GET /api/invoices returns 504 Gateway Timeout", [], [], Created), Services);

        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
    }

    [Fact]
    public void Normalize_NoSignatures_TitleFingerprintIgnoresNumbersAndOrder()
    {
        var a = EscalationNormalizer.Normalize(new EscalationInput("Orders page slow for account 4411", "", [], [], Created), Services);
        var b = EscalationNormalizer.Normalize(new EscalationInput("slow orders page for account 9876", "", [], [], Created), Services);

        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void Normalize_EnvironmentLabel_WinsOverText()
    {
        var e = EscalationNormalizer.Normalize(new EscalationInput("Fails in prod?", "we saw it in staging first", ["env::staging"], [], Created), Services);

        Assert.Equal("staging", e.Environment);
    }
}
