using RagnarokOps.Domain.Environments;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Tests.Environments;

public sealed class TopologyParserTests
{
    internal const string Full = """
        version: 1
        environments:
          - name: dev
            branch: dev
          - name: staging
            branch: staging
            environment: stage
          - name: production
            branch: production
        promotion: [dev, staging, production]
        drift:
          schedule: "*/30 * * * *"
          expected:
            - path: "config/*.env"
              reason: secrets differ per environment
            - path: config/app.yaml
              keys: [database.host, "logging.*"]
        conflicts:
          - path: package-lock.json
            strategy: regenerate
          - path: CHANGELOG.md
            strategy: union
        rollback:
          require_approval: always
          max_commits: 20
        """;

    [Fact]
    public void Parse_FullFile_ReadsEverySection()
    {
        var topology = TopologyParser.Parse(Full).GetOrThrow();

        Assert.Equal(["dev", "staging", "production"], topology.Promotion);
        Assert.Equal("stage", topology.Find("staging")!.GitLabEnvironment);
        Assert.Equal("dev", topology.Find("dev")!.GitLabEnvironment);
        Assert.True(topology.Find("production")!.Protected);
        Assert.False(topology.Find("dev")!.Protected);
        Assert.Equal(3, topology.Find("dev")!.Line);
        Assert.Equal("*/30 * * * *", topology.Drift.Schedule);
        Assert.Equal(["database.host", "logging.*"], topology.Drift.Expected[1].Keys);
        Assert.Equal("secrets differ per environment", topology.Drift.Expected[0].Reason);
        Assert.Equal(ConflictStrategy.Regenerate, topology.Conflicts[0].Strategy);
        Assert.Equal(ConflictStrategy.Union, topology.Conflicts[1].Strategy);
        Assert.Equal(new RollbackPolicy("always", 20), topology.Rollback);
        Assert.Equal("envsync.yaml", topology.Source);
        Assert.Null(topology.Notice);
        Assert.Equal("staging", topology.Next("dev")!.Name);
        Assert.Equal("staging", topology.Previous("production")!.Name);
        Assert.Null(topology.Next("production"));
        Assert.Equal([("dev", "staging"), ("staging", "production")], topology.Links().Select(l => (l.From.Name, l.To.Name)));
    }

    [Fact]
    public void Parse_ManyMistakes_ListsEveryErrorWithFileAndLine()
    {
        const string yaml = """
            environments:
              - name: dev
                branch: dev
                colour: blue
              - name: dev
                branch: other
              - name: staging
            promotion: [dev, qa]
            drift:
              schedule: "every hour"
              expected:
                - reason: no path
            conflicts:
              - path: yarn.lock
                strategy: merge
            rollback:
              require_approval: sometimes
            """;

        var result = TopologyParser.Parse(yaml, "envsync.yaml");

        Assert.False(result.IsValid);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(4,5): environments[0].colour: unknown key 'colour'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(5,11): environments[1].name: environment 'dev' is defined twice", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(7,5): environments[2].branch: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(8,18): promotion[1]: 'qa' is not one of the environments", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(10,13): drift.schedule: 'every hour' is not a five-field cron expression", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(12,7): drift.expected[0].path: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(15,15): conflicts[0].strategy: expected take_target, take_source, union, regenerate, got 'merge'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("envsync.yaml(17,21): rollback.require_approval: expected protected, always, never, got 'sometimes'", StringComparison.Ordinal));
        Assert.Equal(result.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column), result.Errors);
    }

    [Fact]
    public void Parse_NoEnvironments_SaysTheyAreRequired()
    {
        var error = Assert.Single(TopologyParser.Parse("promotion: []\n").Errors);

        Assert.Equal("environments", error.Field);
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_IsReportedWithItsPosition()
    {
        var error = Assert.Single(TopologyParser.Parse("environments:\n  - name: [dev\n").Errors);

        Assert.Equal("envsync.yaml", error.File);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Parse_NoPromotion_UsesFileOrderAndSaysSo()
    {
        var topology = TopologyParser.Parse("environments:\n  - {name: dev, branch: develop}\n  - {name: prod, branch: main}\n").GetOrThrow();

        Assert.Equal(["dev", "prod"], topology.Promotion);
        Assert.Equal("no promotion chain given: using the environments in file order (dev → prod)", topology.Notice);
        Assert.True(topology.Find("prod")!.Protected);
    }

    [Fact]
    public void Resolve_NothingInTheRepository_UsesTheDefaultBranchAndSaysSo()
    {
        var topology = TopologyParser.Resolve(null, "services: []\n", "main").GetOrThrow();

        Assert.True(topology.IsDefault);
        var only = Assert.Single(topology.Environments);
        Assert.Equal(("production", "main", true), (only.Name, only.Branch, only.Protected));
        Assert.Equal("no envsync.yaml and no environments in .ragnarok.yaml: using branch main → environment production (nothing to compare or promote to)", topology.Notice);
        Assert.Empty(topology.Links());
    }

    [Fact]
    public void Resolve_SectionsInsideRagnarokYaml_AreReadAndThePolicyAcceptsThem()
    {
        var policyYaml = "version: 1\nservices:\n  - name: checkout\n    paths: [src/**]\n" + Full.Replace("version: 1\n", "", StringComparison.Ordinal);

        var topology = TopologyParser.Resolve(null, policyYaml, "main").GetOrThrow();
        var policy = PolicyParser.Parse(policyYaml);

        Assert.Equal(".ragnarok.yaml", topology.Source);
        Assert.Equal(3, topology.Environments.Count);
        Assert.True(policy.IsValid, string.Join("\n", policy.Errors));
        Assert.Equal(["dev", "staging", "production"], policy.Policy!.Promotion);
        Assert.True(policy.Policy.Drift.IsExpected("config/prod.env"));
    }

    [Fact]
    public void Resolve_EnvsyncFileWins_OverRagnarokYaml()
    {
        var topology = TopologyParser.Resolve("environments:\n  - {name: a, branch: a}\n  - {name: b, branch: b}\n", Full, "main").GetOrThrow();

        Assert.Equal(["a", "b"], topology.Promotion);
    }

    [Fact]
    public void Parse_PolicyMappingFormOfExpected_IsAccepted()
    {
        const string yaml = "environments:\n  - {name: a, branch: a}\ndrift:\n  expected:\n    paths: [\"*.md\"]\n    keys:\n      config/app.json: [feature.flag]\n";

        var expected = TopologyParser.Parse(yaml).GetOrThrow().Drift.Expected;

        Assert.Equal(("*.md", 0), (expected[0].Path, expected[0].Keys.Count));
        Assert.Equal(("config/app.json", "feature.flag"), (expected[1].Path, expected[1].Keys[0]));
    }

    [Fact]
    public void ParsePolicySections_NoEnvironments_GivesNoTopologyAndNoErrors()
    {
        var result = TopologyParser.ParsePolicySections("services: []\n");

        Assert.True(result.IsValid);
        Assert.Null(result.Topology);
    }
}
