using RagnarokOps.Domain.Classification;

namespace RagnarokOps.Domain.Tests.Classification;

public sealed class RuleSetTests
{
    [Fact]
    public void BuiltIn_CoversTheRequiredFamilies()
    {
        var rules = RuleSet.BuiltIn.Rules;

        Assert.True(rules.Count >= 40, $"only {rules.Count} rules");
        var categories = rules.Select(r => r.Category).ToHashSet();
        foreach (var category in new[]
                 {
                     "java", "dotnet", "python", "node", "go", "postgresql", "mysql", "redis", "kafka", "kubernetes", "http", "tls", "dns",
                     "auth", "oom", "disk", "timeout", "rate-limit", "ci-dependency", "ci-compile", "ci-test", "ci-lint", "ci-runner", "ci-timeout",
                 })
        {
            Assert.Contains(category, categories);
        }

        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Hint), r.Id));
        Assert.All(rules, r => Assert.Equal(FailureRule.BuiltInSource, r.Source));
    }

    [Fact]
    public void Parse_BadRules_ReportsEveryErrorWithLine()
    {
        var (rules, errors) = RuleSet.Parse("""
            rules:
              - id: one
                category: x
                title: One
                severity: P7
                patterns: ['(unclosed']
              - id: one
                category: x
                title: Again
                severity: P2
                patterns: []
                colour: red
            """, "acme-rules.yaml");

        Assert.Empty(rules);
        Assert.Collection(
            errors.OrderBy(e => e.Line),
            e => Assert.Equal(("acme-rules.yaml", 5, "rules[0].severity"), (e.File, e.Line, e.Field)),
            e => Assert.Equal((6, "rules[0].patterns[0]"), (e.Line, e.Field)),
            e => Assert.Equal((7, "rules[1].id"), (e.Line, e.Field)),
            e => Assert.Equal((11, "rules[1].patterns"), (e.Line, e.Field)),
            e => Assert.Equal((12, "rules[1].colour"), (e.Line, e.Field)));
        Assert.Contains("duplicate id 'one' (first defined at line 2)", errors.Single(e => e.Field == "rules[1].id").Message, StringComparison.Ordinal);
        Assert.Contains("acme-rules.yaml(5,15): rules[0].severity: expected P1, P2, P3 or P4, got 'P7'", errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsPosition()
    {
        var (_, errors) = RuleSet.Parse("rules:\n  - id: a\n    title: [unclosed\n", "r.yaml");

        var error = Assert.Single(errors);
        Assert.Equal("r.yaml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Fact]
    public void With_SameId_ReplacesInPlace_NewIdAppends()
    {
        var a = new FailureRule("a", "x", "A", SeverityLevel.P3, ["aaa"], "", false);
        var b = new FailureRule("b", "x", "B", SeverityLevel.P3, ["bbb"], "", false);
        var a2 = a with { Severity = SeverityLevel.P1, Source = "repo" };
        var c = new FailureRule("c", "x", "C", SeverityLevel.P3, ["ccc"], "", false);

        var merged = new RuleSet([a, b]).With([a2, c]);

        Assert.Equal([a2, b, c], merged.Rules);
        Assert.Equal(SeverityLevel.P1, merged.Find("a")!.Severity);
    }

    [Fact]
    public void ForRepository_ValidFileOverlays_BrokenFileReportsAndKeepsBuiltIn()
    {
        var (merged, none) = RuleSet.ForRepository("rules:\n  - { id: acme, category: x, title: A, severity: P2, patterns: ['ACME-\\d+'] }\n");
        var (fallback, errors) = RuleSet.ForRepository("rules:\n  - { id: acme }\n");
        var (builtIn, _) = RuleSet.ForRepository(null);

        Assert.Empty(none);
        Assert.Equal("acme", merged.Rules[^1].Id);
        Assert.Equal(RuleSet.RepositoryFile, merged.Rules[^1].Source);
        Assert.Same(RuleSet.BuiltIn, fallback);
        Assert.Equal(["rules[0].category", "rules[0].title", "rules[0].severity", "rules[0].patterns"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal((RuleSet.RepositoryFile, 2), (e.File, e.Line)));
        Assert.Same(RuleSet.BuiltIn, builtIn);
    }
}
