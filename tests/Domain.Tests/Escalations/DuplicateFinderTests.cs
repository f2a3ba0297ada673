using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Domain.Tests.Escalations;

public sealed class DuplicateFinderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static readonly CaseRecord Original = new(
        "escalation-1-1", 1, "shop/checkout#1", "fp-aaaa", "checkout", "production", ["HTTP 500", "POST /api/checkout", "NullReferenceException"], T0);

    [Fact]
    public void Find_SameFingerprintWhileOpen_IsADuplicate()
    {
        var match = DuplicateFinder.Find(Case("escalation-1-2", "fp-aaaa", ["HTTP 502"]), [Original], T0.AddHours(1));

        Assert.NotNull(match);
        Assert.Equal("escalation-1-1", match.Original.InstanceId);
        Assert.Equal(1, match.Similarity);
        Assert.Equal("the same fingerprint `fp-aaaa` as shop/checkout#1 (case still open)", match.Reason);
    }

    [Fact]
    public void Find_NearSameSignaturesOfTheSameService_IsADuplicateNamingWhatIsShared()
    {
        var match = DuplicateFinder.Find(Case("escalation-1-2", "fp-bbbb", ["HTTP 500", "POST /api/checkout", "NullReferenceException", "\"coupon\""]), [Original], T0.AddHours(1));

        Assert.NotNull(match);
        Assert.Equal(0.75, match.Similarity, 3);
        Assert.Contains("3 of 4 error signatures shared (HTTP 500, NullReferenceException, POST /api/checkout)", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_FewSharedSignatures_IsNotADuplicate() =>
        Assert.Null(DuplicateFinder.Find(Case("escalation-1-2", "fp-bbbb", ["HTTP 500", "GET /api/cart/{id}", "TimeoutException"]), [Original], T0.AddHours(1)));

    [Fact]
    public void Find_SameSignaturesInAnotherEnvironmentOrProject_IsNotADuplicate()
    {
        Assert.Null(DuplicateFinder.Find(Case("escalation-1-2", "fp-bbbb", Original.Signatures) with { Environment = "staging" }, [Original], T0.AddHours(1)));
        Assert.Null(DuplicateFinder.Find(Case("escalation-2-1", "fp-aaaa", Original.Signatures) with { ProjectId = 2 }, [Original], T0.AddHours(1)));
    }

    [Fact]
    public void Find_ClosedRecently_IsADuplicate_ClosedLongAgo_IsNot()
    {
        var closed = Original with { ClosedAt = T0.AddDays(1) };
        var recent = DuplicateFinder.Find(Case("escalation-1-2", "fp-aaaa", []), [closed], T0.AddDays(3));
        var old = DuplicateFinder.Find(Case("escalation-1-2", "fp-aaaa", []), [closed], T0.AddDays(1) + DuplicateFinder.Recent + TimeSpan.FromMinutes(1));

        Assert.NotNull(recent);
        Assert.Contains("(case closed 2 days ago)", recent.Reason, StringComparison.Ordinal);
        Assert.Null(old);
    }

    [Fact]
    public void Find_ItselfOrALaterCase_IsNeverTheOriginal()
    {
        Assert.Null(DuplicateFinder.Find(Original, [Original], T0));
        var later = Case("escalation-1-2", "fp-aaaa", []) with { OpenedAt = T0.AddHours(2) };
        Assert.Null(DuplicateFinder.Find(Original with { OpenedAt = T0.AddHours(1) }, [later], T0.AddHours(3)));
    }

    private static CaseRecord Case(string id, string fingerprint, IReadOnlyList<string> signatures) =>
        new(id, 1, $"shop/checkout#{id[^1]}", fingerprint, "checkout", "production", signatures, T0.AddMinutes(30));
}
