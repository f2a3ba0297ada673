using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// Two weeks of history for the checkout service: four authors, a few dozen commits, one test-breaking
/// rounding change that is fixed the next day, and the culprit that drops a null check three hours
/// before the anchor.
/// </summary>
internal static class CheckoutHistory
{
    public const string Culprit = "culprit";
    public const string BrokenRounding = "broken-rounding";
    public const string FixRounding = "fix-rounding";
    public const string Head = "head";

    public static readonly (string Username, string Name, string Email)[] People =
    [
        ("alice", "Alice Martin", "alice@shop.example"),
        ("bob", "Bob Chen", "bob@shop.example"),
        ("carol", "Carol Diaz", "carol@shop.example"),
        ("dave", "Dave Okafor", "dave@shop.example"),
    ];

    private static readonly string[] Topics = ["architecture", "runbook", "payments", "coupons", "taxes", "on-call", "release-process", "observability"];

    public static List<ScriptedCommit> Build(DateTimeOffset anchor, string stagingUrl)
    {
        GitIdentity By(int person, TimeSpan beforeAnchor) => new(People[person].Name, People[person].Email, anchor - beforeAnchor);
        var commits = new List<ScriptedCommit>
        {
            new("initial", By(0, TimeSpan.FromDays(14)), "Initial checkout service", new Dictionary<string, string?>
            {
                ["README.md"] = Readme(string.Empty),
                ["CODEOWNERS"] = CheckoutFiles.CodeOwners,
                [".ragnarok.yaml"] = CheckoutFiles.RagnarokYaml(stagingUrl),
                [".gitlab-ci.yml"] = CheckoutFiles.GitLabCi,
                ["src/Checkout.Api/Checkout.Api.csproj"] = CheckoutFiles.ApiProject,
                ["src/Checkout.Api/Program.cs"] = CheckoutFiles.Program,
                [CheckoutFiles.ControllerPath] = CheckoutFiles.Controller(CheckoutFiles.SafeDiscountLine),
                ["src/Checkout.Api/Models/Cart.cs"] = CheckoutFiles.Models,
                ["src/Checkout.Api/Services/PricingService.cs"] = CheckoutFiles.Pricing("MidpointRounding.AwayFromZero"),
                ["src/Checkout.Api/appsettings.json"] = CheckoutFiles.AppSettings(3000, 2),
                ["tests/Checkout.Tests/Checkout.Tests.csproj"] = CheckoutFiles.TestProject,
                ["tests/Checkout.Tests/PricingServiceTests.cs"] = CheckoutFiles.PricingTests,
                ["CHANGELOG.md"] = "# Changelog\n",
            }),
        };

        var changelog = "# Changelog\n";
        // Everyday work: docs, settings and changelog entries spread over thirteen days.
        for (var i = 0; i < 28; i++)
        {
            var before = TimeSpan.FromDays(13) - TimeSpan.FromHours(i * 11.1);
            var person = (i * 3 + 1) % People.Length;
            var topic = Topics[i % Topics.Length];
            switch (i % 4)
            {
                case 0:
                    commits.Add(new($"docs-{i}", By(person, before), $"docs: describe {topic}", new Dictionary<string, string?>
                    {
                        [$"docs/{topic}.md"] = $"# {topic}\n\nRevision {i}: how the checkout service handles {topic}.\n",
                    }));
                    break;
                case 1:
                    commits.Add(new($"settings-{i}", By(person, before), $"Tune payment timeout to {2000 + (i * 100)} ms", new Dictionary<string, string?>
                    {
                        ["src/Checkout.Api/appsettings.json"] = CheckoutFiles.AppSettings(2000 + (i * 100), 1 + (i % 3)),
                    }));
                    break;
                case 2:
                    changelog += $"- {topic}: small improvements ({i})\n";
                    commits.Add(new($"changelog-{i}", By(person, before), $"Update CHANGELOG for {topic}", new Dictionary<string, string?> { ["CHANGELOG.md"] = changelog }));
                    break;
                default:
                    commits.Add(new($"ci-{i}", By(person, before), $"ci: cache NuGet packages ({topic})", new Dictionary<string, string?>
                    {
                        [".gitlab-ci.yml"] = CheckoutFiles.GitLabCi + $"\n# cache key revision {i}\n",
                    }));
                    break;
            }

            if (i == 23)
            {
                // A rounding change that breaks a test; its pipeline fails and the next day's commit fixes it.
                commits.Add(new(BrokenRounding, By(1, TimeSpan.FromDays(2.3)), "Use banker's rounding for tax", new Dictionary<string, string?>
                {
                    ["src/Checkout.Api/Services/PricingService.cs"] = CheckoutFiles.Pricing("MidpointRounding.ToEven"),
                }));
                commits.Add(new(FixRounding, By(0, TimeSpan.FromDays(2.0)), "Revert to away-from-zero rounding for tax", new Dictionary<string, string?>
                {
                    ["src/Checkout.Api/Services/PricingService.cs"] = CheckoutFiles.Pricing("MidpointRounding.AwayFromZero"),
                }));
            }
        }

        commits.Add(new("readme", By(1, TimeSpan.FromHours(3.5)), "Link the on-call runbook from the README", new Dictionary<string, string?>
        {
            ["README.md"] = Readme("\nOn call? Start with docs/runbook.md.\n"),
        }));
        commits.Add(new(Culprit, By(3, TimeSpan.FromHours(3)), "Simplify discount calculation in checkout\n\nCoupons are always attached by the cart service now, so the null check is redundant.", new Dictionary<string, string?>
        {
            [CheckoutFiles.ControllerPath] = CheckoutFiles.Controller(CheckoutFiles.CulpritDiscountLine),
        }));
        commits.Add(new(Head, By(2, TimeSpan.FromHours(2.8)), "docs: add checkout latency dashboard", new Dictionary<string, string?>
        {
            ["docs/dashboards.md"] = "# Dashboards\n\n- Checkout latency p95 and error rate by endpoint.\n",
        }));
        return commits;
    }

    private static string Readme(string extra) =>
        "# checkout\n\nThe shop's checkout API: prices a cart, applies coupons and tax, places the order.\n\n" +
        "Build with `dotnet build`; test with `dotnet test tests/Checkout.Tests`.\n" + extra;
}
