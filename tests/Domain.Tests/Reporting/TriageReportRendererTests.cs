using RagnarokOps.Domain.Reporting;
using RagnarokOps.Domain.Tests.Scenarios;
using RagnarokOps.Domain.Timeline;

namespace RagnarokOps.Domain.Tests.Reporting;

public sealed class TriageReportRendererTests
{
    private static TriageReportInput Input(ScenarioRun run, PolicyDecision? policy = null) => new(
        "shop#1:ab12",
        run.Escalation,
        run.Onset,
        TimelineBuilder.Build(run.Escalation, run.Bundle, run.Onset),
        run.Result,
        run.Bundle.Missing,
        new SeverityInfo("P1", ["production", "checkout is down for all customers"]),
        new OwnerInfo(["@shop/checkout"], "CODEOWNERS line 4: /src/Checkout/ @shop/checkout"),
        new ReproPlan(["POST /api/checkout with coupon SPRING", "expect 200, get 500"], null),
        policy);

    [Fact]
    public void Render_PolicyProblems_ListsEveryOneWithFileAndLineFirst()
    {
        var run = ScenarioCatalog.DiffContentOnly().Run();
        var problems = new[]
        {
            ".ragnarok.yaml(14,11): actions.rollback: expected allow, require_approval or deny, got 'maybe'",
            ".ragnarok.yaml(21,17): environments[1].replay_url: must be an absolute http(s) URL, got `staging`",
        };

        var md = TriageReportRenderer.Render(Input(run) with { PolicyProblems = problems });

        var section = md.IndexOf("### Policy problems", StringComparison.Ordinal);
        Assert.True(section > 0 && section < md.IndexOf("### Summary", StringComparison.Ordinal));
        Assert.Contains("2 problem(s), so this case ran on the safe defaults", md, StringComparison.Ordinal);
        Assert.Contains("- `.ragnarok.yaml(14,11): actions.rollback: expected allow, require_approval or deny, got 'maybe'`", md, StringComparison.Ordinal);
        Assert.Contains("- `.ragnarok.yaml(21,17): environments[1].replay_url: must be an absolute http(s) URL, got 'staging'`", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValidPolicy_HasNoPolicyProblemsSection() =>
        Assert.DoesNotContain("### Policy problems", TriageReportRenderer.Render(Input(ScenarioCatalog.DiffContentOnly().Run())), StringComparison.Ordinal);

    [Fact]
    public void Render_FullCase_HasEverySection()
    {
        var run = ScenarioCatalog.DiffContentOnly().Run();
        var policy = new PolicyDecision("revert", "require_approval", "actions.revert", "confidence 0.75 is below min_confidence 0.8 for allow");

        var md = TriageReportRenderer.Render(Input(run, policy));

        Assert.StartsWith("<!-- ragnarok:triage-report case=shop#1:ab12 -->\n", md, StringComparison.Ordinal);
        foreach (var heading in new[] { "### Summary", "### Timeline", "### Hypotheses", "### Missing evidence", "### Reproduction plan", "### Proposed action" })
        {
            Assert.Contains(heading, md, StringComparison.Ordinal);
        }

        Assert.Contains("**P1** — production; checkout is down for all customers", md, StringComparison.Ordinal);
        Assert.Contains("@shop/checkout (rule: CODEOWNERS line 4", md, StringComparison.Ordinal);
        Assert.Contains("| contribution | value | why |", md, StringComparison.Ordinal);
        Assert.Contains("| error tokens | +2.50 |", md, StringComparison.Ordinal);
        Assert.Contains("1. POST /api/checkout with coupon SPRING", md, StringComparison.Ordinal);
        Assert.Contains("**revert commit d2d2 (Expire coupons at the start of the day)**", md, StringComparison.Ordinal);
        Assert.Contains("is **require_approval** by rule `actions.revert`", md, StringComparison.Ordinal);
        Assert.Equal("shop#1:ab12", TriageReportRenderer.FindCaseId(md));
    }

    [Fact]
    public void Render_MissingLogs_ListsTheReason()
    {
        var md = TriageReportRenderer.Render(Input(ScenarioCatalog.MissingLogs().Run()));

        Assert.Contains("- **logs**: Log Analytics answered 403 Forbidden for workspace shop-prod", md, StringComparison.Ordinal);
        Assert.Contains("Policy: not evaluated; every write needs a person's approval.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PipeInTitle_DoesNotBreakTheTable()
    {
        var run = ScenarioCatalog.TwoServices().Commit("9999", 10, "Split a|b\nsecond line", ScenarioBuilder.File("src/Checkout/X.cs", ["a"], ["b"])).Run();

        var md = TriageReportRenderer.Render(Input(run));

        Assert.Contains("Split a\\|b", md, StringComparison.Ordinal);
        Assert.All(md.Split('\n').Where(l => l.StartsWith("| 2026", StringComparison.Ordinal)), l => Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(l, @"(?<!\\)\|")));
    }

    [Fact]
    public void FindCaseId_OtherNote_IsNull()
    {
        Assert.Null(TriageReportRenderer.FindCaseId("LGTM, thanks"));
    }
}
