using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Incidents;

public sealed class IncidentGraderTests
{
    private static IncidentSignal Signal(string target) => new(
        "acme/shop", "checkout", IncidentSource.Probe, target, SignalKind.Failing, DateTimeOffset.UnixEpoch,
        "HTTP 503", ["java.lang.OutOfMemoryError: Java heap space"], 2);

    [Fact]
    public void Fingerprint_SameIncidentTwice_IsStableAndDiffersByTarget()
    {
        Assert.Equal(IncidentFingerprint.Of(Signal("a"), "java"), IncidentFingerprint.Of(Signal("a") with { Summary = "other" }, "java"));
        Assert.NotEqual(IncidentFingerprint.Of(Signal("a"), "java"), IncidentFingerprint.Of(Signal("b"), "java"));
    }

    [Fact]
    public void Grade_NoMatchingEvidence_SaysWhyUnclassified()
    {
        var grade = IncidentGrader.Grade(Signal("a") with { Evidence = ["all quiet"] }, RepositoryPolicy.Default);

        Assert.Equal(IncidentGrader.Unclassified, grade.Category);
        Assert.Contains("no classification rule matched", grade.CategoryReason, StringComparison.Ordinal);
        Assert.NotEmpty(grade.Reasons);
    }

    [Fact]
    public void PolicyParser_IncidentsSection_ReadsKeepOpenAndRejectsBadEmail()
    {
        var ok = PolicyParser.Parse("version: \"1\"\nincidents:\n  keep_open: true\n  email: [oncall@acme.test]\n");
        var bad = PolicyParser.Parse("version: \"1\"\nincidents:\n  email: [nobody]\n");

        Assert.True(ok.GetOrThrow().Incidents.KeepOpen);
        Assert.Equal(["oncall@acme.test"], ok.GetOrThrow().Incidents.Email);
        Assert.Contains(bad.Errors, e => e.ToString().Contains("incidents.email", StringComparison.Ordinal));
    }
}
