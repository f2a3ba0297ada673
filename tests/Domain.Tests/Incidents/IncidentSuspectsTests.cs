using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Incidents;
using static RagnarokOps.Domain.Tests.Scenarios.ScenarioBuilder;

namespace RagnarokOps.Domain.Tests.Incidents;

public sealed class IncidentSuspectsTests
{
    private static readonly IncidentSignal Failing = new(
        "acme/shop", "checkout", IncidentSource.Probe, "checkout-http", SignalKind.Failing, At(82),
        "HTTP probe checkout-http failing 3 rounds in a row: HTTP 500 from /api/checkout",
        [$"{At(80):u} failing: HTTP 500 NullReferenceException in CheckoutController.PlaceOrder (discount coupon)"], 3, StartedAt: At(80));

    private static readonly IncidentCase Incident = new(
        Failing, new IncidentGrade("dotnet", null, null, null, "test", SeverityLevel.P2, ["test"]), "fp1", [], "no owner", false, [], "production");

    private static readonly CommitEvidence Culprit = Commit("aa11", 60, "Simplify discount calculation",
        File("src/Checkout/CheckoutController.cs", ["var discount = request.Cart.Coupon?.Percent ?? 0;"], ["var discount = request.Cart.Coupon!.Percent;"]));

    private static readonly CommitEvidence Docs = Commit("bb22", 30, "Fix a typo in the runbook", File("docs/runbook.md", ["teh"], ["the"]));

    private static readonly CommitEvidence AfterOnset = Commit("cc33", 85, "Log the discount", File("src/Checkout/CheckoutController.cs", [], ["logger.LogInformation(\"discount\");"]));

    [Fact]
    public void Rank_CommitBeforeTheFirstFailingRound_IsTheTopSuspectMeasuredAgainstTheSignal()
    {
        var suspects = IncidentSuspects.Rank(Incident, Bundle(null, Culprit, Docs, AfterOnset), [Checkout, Billing]);

        var diagnosis = suspects.Diagnosis!;
        Assert.Equal("aa11", diagnosis.Top!.Reference);
        Assert.Equal(At(80), diagnosis.ReferenceTime);
        Assert.Equal("error onset", diagnosis.ReferenceSource);
        Assert.DoesNotContain(diagnosis.Hypotheses, h => h.Reference == "cc33");
        Assert.Contains(diagnosis.Notes, n => n.Contains("cc33", StringComparison.Ordinal) && n.Contains("after the onset", StringComparison.Ordinal));
        Assert.Contains("probe checkout-http first failed at", suspects.Onset, StringComparison.Ordinal);
        Assert.Null(suspects.NotRanked);
    }

    [Fact]
    public void Onset_LogsBurstBeforeTheProbe_IsTheLogsOnset()
    {
        var logs = new LogEvidence("checkout", "log-file", new TimeWindow(Start, At(120)), Burst(70, 1, 30), [], [], []);

        var onset = IncidentSuspects.Onset(Failing, Bundle(logs));

        Assert.Equal(At(70), onset.At);
        Assert.DoesNotContain("probe", onset.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Onset_LogsQuiet_IsTheFirstFailingRoundAndSaysTheLogsShowedNothingEarlier()
    {
        var logs = new LogEvidence("checkout", "log-file", new TimeWindow(Start, At(120)), [new ErrorBucket(At(10), 1, 200)], [], [], []);

        var onset = IncidentSuspects.Onset(Failing, Bundle(logs));

        Assert.Equal(At(80), onset.At);
        Assert.Contains("the logs show no earlier onset", onset.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_IsHoursBeforeTheFirstFailingRoundToJustAfterTheSignal()
    {
        var window = IncidentSuspects.Window(Failing);

        Assert.Equal(At(80) - TimeWindow.Lookback, window.From);
        Assert.Equal(At(82) + TimeWindow.Lookahead, window.To);
    }

    [Fact]
    public void WikiPage_RankedSuspects_ShowsTheTopChangeItsReasonsAndEveryMissingSource()
    {
        var missing = new MissingEvidence("logs", "no logs: the workspace answered 403");
        var suspects = IncidentSuspects.Rank(Incident, Bundle(null, Culprit, Docs) with { Missing = [missing] }, [Checkout, Billing]);
        var issue = new IncidentIssue(1, 7, "https://gitlab.example/acme/shop/-/issues/7", 1, true, false, []);

        var page = IncidentRenderer.WikiPage(Incident, issue, suspects);

        Assert.Contains("## Suspect changes", page, StringComparison.Ordinal);
        Assert.Contains("#### 1. Simplify discount calculation — commit `aa11`", page, StringComparison.Ordinal);
        Assert.Contains("| time to onset |", page, StringComparison.Ordinal);
        Assert.Contains("- logs: no logs: the workspace answered 403", page, StringComparison.Ordinal);
        Assert.Contains($"- {IncidentRenderer.Time(At(80))} — first failing round of checkout-http", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not ranked", page, StringComparison.Ordinal);
    }

    [Fact]
    public void WikiPage_NothingGathered_SaysWhyTheSuspectsAreMissing()
    {
        var issue = new IncidentIssue(1, 7, "https://gitlab.example/acme/shop/-/issues/7", 1, true, false, []);

        var page = IncidentRenderer.WikiPage(Incident, issue, SuspectChanges.NotGathered(Failing, "GitLab answered 503"));

        Assert.Contains("Not ranked: GitLab answered 503.", page, StringComparison.Ordinal);
        Assert.Contains("- Suspect changes: GitLab answered 503.", page, StringComparison.Ordinal);
    }

    private static EvidenceBundle Bundle(LogEvidence? logs, params CommitEvidence[] commits) =>
        new(IncidentSuspects.Window(Failing), logs, [], commits, [], [], []);

    private static CommitEvidence Commit(string sha, int minute, string title, ChangedFile file) =>
        new(sha, title, title, "Dev", null, At(minute), ["p"], [file]);
}
