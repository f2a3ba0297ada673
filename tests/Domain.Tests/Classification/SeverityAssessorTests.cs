using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class SeverityAssessorTests
{
    private static readonly FailureRule Timeout = RuleSet.BuiltIn.Find("timeout")!;
    private static readonly FailureRule Lint = RuleSet.BuiltIn.Find("lint-failed")!;

    [Fact]
    public void Assess_NoFacts_P3BecauseNoRule()
    {
        var result = SeverityAssessor.Assess(new SeverityFacts([]));

        Assert.Equal(SeverityLevel.P3, result.Level);
        Assert.Equal(["P3 to start: no classification rule matched"], result.Reasons);
    }

    [Fact]
    public void Assess_CustomerWordsInProduction_RaisedWithReasons()
    {
        var result = SeverityAssessor.Assess(new SeverityFacts([Timeout], "production", EscalationText: "Customers cannot pay at checkout since 10:00"));

        Assert.Equal(SeverityLevel.P1, result.Level);
        Assert.Contains("customer impact in the escalation", result.Reasons[1], StringComparison.Ordinal);
        Assert.Contains("\"checkout\"", result.Reasons[1], StringComparison.Ordinal);
        Assert.Equal("P1 kept: production is production", result.Reasons[2]);
    }

    [Fact]
    public void Assess_OutageWord_GoesStraightToP1()
    {
        var result = SeverityAssessor.Assess(new SeverityFacts([Lint], EscalationText: "Full outage of the EU region"));

        Assert.Equal(SeverityLevel.P1, result.Level);
        Assert.Contains("\"outage\"", result.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WordInsideAnotherWord_NotCounted()
    {
        var result = SeverityAssessor.Assess(new SeverityFacts([Timeout], EscalationText: "the slaves queue is breachless"));

        Assert.Equal(SeverityLevel.P2, result.Level);
        Assert.Single(result.Reasons);
    }

    [Fact]
    public void Assess_StagingUnprotected_Lowered_ProtectedKept()
    {
        var staging = SeverityAssessor.Assess(new SeverityFacts([Timeout], "staging"));
        var protectedStaging = SeverityAssessor.Assess(new SeverityFacts([Timeout], "staging", ProtectedEnvironment: true));

        Assert.Equal(SeverityLevel.P3, staging.Level);
        Assert.Contains("not production and not protected", staging.Reasons[^1], StringComparison.Ordinal);
        Assert.Equal(SeverityLevel.P2, protectedStaging.Level);
        Assert.Contains("protected environment", protectedStaging.Reasons[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, SeverityLevel.P1, "error rate 50 % of requests (≥ 25%)")]
    [InlineData(0.05, SeverityLevel.P2, "kept")]
    [InlineData(0.001, SeverityLevel.P3, "< 1%")]
    public void Assess_ErrorRate_MovesOneStep(double rate, SeverityLevel expected, string reason)
    {
        var result = SeverityAssessor.Assess(new SeverityFacts([Timeout], ErrorRate: rate));

        Assert.Equal(expected, result.Level);
        Assert.Contains(reason, result.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_WideScope_Raised()
    {
        var result = SeverityAssessor.Assess(new SeverityFacts([Lint], AffectedServices: 4));

        Assert.Equal(SeverityLevel.P3, result.Level);
        Assert.Contains("wide scope (4 services", result.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_PolicyOverride_AppliesLastOnlyWhenConditionsHold()
    {
        SeverityOverride[] overrides =
        [
            new(null, "ci-lint", null, SeverityLevel.P2, 12),
            new(null, null, "billing", SeverityLevel.P1, 14),
        ];

        var lint = SeverityAssessor.Assess(new SeverityFacts([Lint], Service: "cart", Overrides: overrides));
        var billing = SeverityAssessor.Assess(new SeverityFacts([Timeout], "staging", Service: "billing", Overrides: overrides));

        Assert.Equal(SeverityLevel.P2, lint.Level);
        Assert.Equal("P2: policy override for category ci-lint (.ragnarok.yaml line 12)", lint.Reasons[^1]);
        Assert.Equal(SeverityLevel.P1, billing.Level);
        Assert.Equal("P1: policy override for service billing (.ragnarok.yaml line 14)", billing.Reasons[^1]);
    }
}
