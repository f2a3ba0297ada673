using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Policy;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Domain.Tests.Policy;

public sealed class PolicyParserTests
{
    /// <summary>The full example in docs/policy.md, so the documentation cannot drift from the parser.</summary>
    private static string DocsExample()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "policy.md"));
        var start = text.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Parse_DocsExample_ReadsEverySection()
    {
        var result = PolicyParser.Parse(DocsExample());

        Assert.Empty(result.Errors);
        var policy = result.GetOrThrow();
        Assert.False(policy.IsDefault);
        Assert.Equal("escalation::critical", policy.EscalationLabel);
        var orders = policy.FindService("orders")!;
        Assert.Equal(["services/orders/**", "libs/pricing/**"], orders.Paths);
        Assert.Equal(["@acme/orders-team", "@alice", "oncall-orders@acme.example"], orders.Owners);
        Assert.Equal(new LogQueryHint("logs/orders.jsonl", "orders-api", "| where Properties.tenant != 'loadtest'"), orders.Logs);
        Assert.Equal(["/api/orders", "/api/checkout"], orders.Endpoints);
        Assert.Equal(new Uri("https://staging.acme.example"), policy.FindEnvironment("staging")!.ReplayBaseUrl);
        Assert.True(policy.FindEnvironment("production")!.Protected);
        Assert.Equal("production", policy.NextInPromotion("staging"));
        Assert.Null(policy.NextInPromotion("production"));
        Assert.Equal("0 */6 * * *", policy.Drift.Schedule);
        Assert.True(policy.Drift.IsExpected("config/eu.local.yaml"));
        Assert.True(policy.Drift.IsExpected("config/app.yaml", "cache.ttl_seconds"));
        Assert.False(policy.Drift.IsExpected("config/app.yaml", "db.host"));
        Assert.Equal(ActionMode.Deny, policy.Actions[ActionKind.Rollback].Mode);
        Assert.Equal(0.6, policy.Actions[ActionKind.RegressionTest].MinConfidence);
        Assert.Equal((40, TimeSpan.FromHours(24)), (policy.Approval.MinAccessLevel, policy.Approval.Timeout));
        Assert.Equal(["bob"], policy.Approval.Users);
        Assert.Equal(3, policy.SeverityOverrides.Count);
        Assert.Equal(new SeverityOverride(null, null, "payments", SeverityLevel.P1, policy.SeverityOverrides[1].Line), policy.SeverityOverrides[1]);
    }

    [Fact]
    public void Parse_NoPolicy_SafeDefaultsReportOnly()
    {
        var policy = PolicyParser.Parse(null).GetOrThrow();

        Assert.True(policy.IsDefault);
        Assert.Same(RepositoryPolicy.Default, policy);
        Assert.Equal(ActionVerdict.Allowed, policy.Actions.Decide(ActionKind.TriageNote, 0).Verdict);
        foreach (var write in new[] { ActionKind.Labels, ActionKind.RegressionTest, ActionKind.Replay, ActionKind.DraftMr, ActionKind.Revert, ActionKind.Rollback })
        {
            Assert.Equal(ActionVerdict.NeedsApproval, policy.Actions.Decide(write, 0.99).Verdict);
        }

        Assert.Equal(RepositoryPolicy.DefaultEscalationLabel, policy.EscalationLabel);
        Assert.Equal(TimeSpan.FromHours(24), policy.Approval.Timeout);
        Assert.Same(RepositoryPolicy.Default, PolicyParser.Parse("   \n# only a comment\n").Policy);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOneWithLineColumnAndField()
    {
        const string yaml = """
            version: 1
            services:
              - name: orders
                owners: ["alice"]
                endpoints: [api/orders]
              - name: orders
            environments:
              - name: production
                branch: main
                protected: maybe
                replay_url: https://prod.acme.example
              - name: staging
            promotion: [staging, prod]
            drift:
              schedule: every hour
            actions:
              draft_mr: { mode: allow, min_confidence: 1.5 }
              rollback: maybe
              deploy: allow
            approval:
              min_access_level: admin
              timeout: soon
            severity:
              overrides:
                - { level: P9 }
            colour: blue
            """;

        var result = PolicyParser.Parse(yaml, "repo/.ragnarok.yaml");

        Assert.Null(result.Policy);
        Assert.False(result.IsValid);
        var actual = result.Errors.Select(e => (e.Line, e.Field)).ToHashSet();
        var expected = new (int, string)[]
        {
            (4, "services[0].owners[0]"), (5, "services[0].endpoints[0]"), (6, "services[1].name"),
            (10, "environments[0].protected"), (11, "environments[0].replay_url"), (12, "environments[1].branch"),
            (13, "promotion[1]"), (15, "drift.schedule"), (17, "actions.draft_mr.min_confidence"), (18, "actions.rollback"),
            (19, "actions.deploy"), (21, "approval.min_access_level"), (22, "approval.timeout"),
            (25, "severity.overrides[0]"), (25, "severity.overrides[0].level"), (26, "colour"),
        };
        foreach (var e in expected)
        {
            Assert.Contains(e, actual);
        }

        Assert.True(expected.Length == result.Errors.Count, string.Join("\n", result.Errors));
        Assert.All(result.Errors, e => Assert.Equal("repo/.ragnarok.yaml", e.File));
        var rollback = result.Errors.Single(e => e.Field == "actions.rollback");
        Assert.Equal("repo/.ragnarok.yaml(18,13): actions.rollback: expected allow, require_approval or deny, got 'maybe'", rollback.ToString());
        Assert.Contains("'prod' is not one of the environments (production, staging)", result.Errors.Single(e => e.Field == "promotion[1]").Message, StringComparison.Ordinal);
        var exception = Assert.Throws<PolicyException>(result.GetOrThrow);
        Assert.Equal(expected.Length, exception.Errors.Count);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsLineAndColumn()
    {
        var result = PolicyParser.Parse("services:\n  - name: orders\n    paths: [a, b\n", ".ragnarok.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(".ragnarok.yaml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
        Assert.True(error.Column >= 1);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportedWithPosition()
    {
        var result = PolicyParser.Parse("approval:\n  timeout: 1h\napproval:\n  timeout: 2h\n", ".ragnarok.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_PartialActions_KeepDefaultsForTheRest()
    {
        var policy = PolicyParser.Parse("actions:\n  labels: allow\n").GetOrThrow();

        Assert.Equal(new ActionRule(ActionMode.Allow, 0, 2), policy.Actions[ActionKind.Labels]);
        Assert.Equal(ActionsPolicy.Default.Rules[ActionKind.DraftMr], policy.Actions[ActionKind.DraftMr]);
    }

    internal static string DocsExampleText() => DocsExample();
}
