using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// The built-in <c>cherrypick</c> scenario: <c>platform/picker</c> with dev → staging → production (production
/// protected) and three commits on dev to pick onto staging, which has diverged: "Bump to 1.1" touches only the
/// lockfile and CHANGELOG.md (tier 1: rules regenerate and union), "Note the audit on pricing" extends a line
/// staging also changed (tier 2: a proposal, the commit's lines contain staging's), and "Raise the order limit to 50"
/// changes the line staging set to 20 (tier 3).
/// </summary>
internal static class CherryPickScenario
{
    public const string ProjectPath = "platform/picker";

    public const string Topology = """
        version: 1
        environments:
          - name: dev
            branch: dev
          - name: staging
            branch: staging
          - name: production
            branch: production
            protected: true
        promotion: [dev, staging, production]
        conflicts:
          - path: package-lock.json
            strategy: regenerate
          - path: CHANGELOG.md
            strategy: union
        cherry_pick:
          threshold: 0.8
        """;

    public static async Task<GroundTruth> SeedAsync(SandboxContext sb, CancellationToken cancellationToken)
    {
        var now = sb.Now;
        var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var people = CheckoutHistory.People;
        GitIdentity By(int person, double hoursAgo) => new(people[person].Name, people[person].Email, anchor.AddHours(-hoursAgo));

        var repo = await GitRepository.InitBareAsync(SandboxContext.RepositoryPath(sb.DataDirectory, ProjectPath), "dev", cancellationToken);
        var shas = await FastImport.WriteAsync(repo, "dev",
        [
            new("init", By(0, 100), "Picker service", new Dictionary<string, string?>
            {
                ["envsync.yaml"] = Topology + "\n",
                ["package-lock.json"] = Lock("1.0.0"),
                ["CHANGELOG.md"] = "# Changelog\n\n## 1.0\n- first release\n",
                ["src/Pricing.cs"] = Pricing("return Math.Round(price, 2);"),
                ["src/Limits.cs"] = Limits(10),
            }),
        ], cancellationToken);

        await repo.CreateBranchAsync("staging", shas["init"], cancellationToken);
        await repo.CreateBranchAsync("production", shas["init"], cancellationToken);
        await repo.CommitActionsAsync("staging", null, "Staging hotfixes: 1.0.1, audited rounding, limit 20",
        [
            Update("package-lock.json", Lock("1.0.1")),
            Update("CHANGELOG.md", "# Changelog\n\n## 1.0.1\n- staging hotfix\n\n## 1.0\n- first release\n"),
            Update("src/Pricing.cs", Pricing("return Math.Round(price, 2); // audited")),
            Update("src/Limits.cs", Limits(20)),
        ], By(1, 50), cancellationToken);

        await repo.CommitActionsAsync("dev", null, "Bump to 1.1",
            [Update("package-lock.json", Lock("1.1.0")), Update("CHANGELOG.md", "# Changelog\n\n## 1.1\n- rounding fix\n\n## 1.0\n- first release\n")], By(2, 20), cancellationToken);
        await repo.CommitActionsAsync("dev", null, "Note the audit on pricing",
            [Update("src/Pricing.cs", Pricing("return Math.Round(price, 2); // audited", "// audit: PRICE-42"))], By(2, 10), cancellationToken);
        await repo.CommitActionsAsync("dev", null, "Raise the order limit to 50", [Update("src/Limits.cs", Limits(50))], By(2, 5), cancellationToken);

        var project = await ProjectEndpoints.CreateAsync(sb, ProjectPath, "Picker API: dev has commits to cherry-pick onto a diverged staging", cancellationToken);
        MemberEndpoints.Add(sb, project, sb.FindUser(1)!, 50);
        return new GroundTruth
        {
            Scenario = "cherrypick",
            ProjectId = project.Long("id"),
            ProjectPath = ProjectPath,
            Anchor = anchor,
            Environment = "staging",
            IssueTitle = "Cherry-pick dev commits to staging",
            IssueDescription = "Bump to 1.1 resolves by rule; Note the audit on pricing needs an approval; Raise the order limit to 50 needs a person.",
        };
    }

    private static GitFileAction Update(string path, string content) => new("update", path, null, content, null, null);

    private static string Lock(string version) => $"{{\n  \"name\": \"picker\",\n  \"version\": \"{version}\",\n  \"lockfileVersion\": 3\n}}\n";

    private static string Pricing(string rounding, string? extra = null) =>
        $"namespace Picker;\n\npublic static class Pricing\n{{\n    public static decimal Total(decimal price)\n    {{\n        {rounding}\n{(extra is null ? "" : $"        {extra}\n")}    }}\n}}\n";

    private static string Limits(int max) => $"namespace Picker;\n\npublic static class Limits\n{{\n    public const int MaxOrders = {max};\n}}\n";
}
