using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// The built-in <c>checkout</c> scenario: a sample service whose last production deployment carried a commit
/// that dropped a null check, so POST /api/checkout answers 500 for carts without a coupon.
/// Everything is placed relative to an anchor (the seed time, to the minute).
/// </summary>
internal static class CheckoutScenario
{
    public const string ProjectPath = "shop/checkout";
    public const string FlagName = "new_tax_engine";

    public static async Task<GroundTruth> SeedAsync(SandboxContext sb, CancellationToken cancellationToken)
    {
        var now = sb.Now;
        var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var repo = await GitRepository.InitBareAsync(SandboxContext.RepositoryPath(sb.DataDirectory, ProjectPath), "main", cancellationToken);
        // The staging copy listens before the seed, so the policy's replay_url names where it really is.
        var stagingUrl = sb.StagingUrl ?? "http://127.0.0.1:5080";
        var history = CheckoutHistory.Build(anchor, stagingUrl);
        var shas = await FastImport.WriteAsync(repo, "main", history, cancellationToken);
        var project = await ProjectEndpoints.CreateAsync(sb, ProjectPath, "Checkout API of the sample shop", cancellationToken);

        var admin = sb.FindUser(1)!;
        MemberEndpoints.Add(sb, project, admin, 50);
        var people = new Dictionary<string, JsonObject>();
        foreach (var (username, name, email) in CheckoutHistory.People)
        {
            var user = SeedUsers.Add(sb, username, name, email, token: $"glpat-{username}-sandbox");
            people[username] = user;
            MemberEndpoints.Add(sb, project, user, username is "alice" or "carol" ? 40 : 30);
        }

        CiRecords.CreateEnvironment(sb, project, "staging", "staging", stagingUrl, anchor.AddDays(-14));
        CiRecords.CreateEnvironment(sb, project, "production", "production", "https://checkout.shop.example", anchor.AddDays(-14));
        FeatureFlagEndpoints.Create(sb, project, "express_checkout", "One-click checkout for returning customers", true, anchor.AddDays(-20));

        var carol = people["carol"];
        var pipelines = new CheckoutPipelines(sb, project, repo, carol);
        foreach (var key in new[] { "docs-4", "changelog-10", "changelog-18" })
        {
            await pipelines.RecordAsync(shas[key], history.Single(c => c.Key == key).Author.When.AddMinutes(5), TimeSpan.FromMinutes(40), failTest: false, cancellationToken);
        }

        var failed = await pipelines.RecordAsync(shas[CheckoutHistory.BrokenRounding], anchor.AddDays(-2.3).AddMinutes(4), null, failTest: true, cancellationToken);
        await pipelines.RecordAsync(shas[CheckoutHistory.FixRounding], anchor.AddDays(-2.0).AddMinutes(4), TimeSpan.FromMinutes(50), failTest: false, cancellationToken);

        var deployedAt = anchor.AddHours(-2);
        var flagToggledAt = deployedAt.AddMinutes(-57);
        var flag = FeatureFlagEndpoints.Create(sb, project, FlagName, "Tax calculation through the new tax service", false, anchor.AddDays(-10));
        flag["active"] = true;
        flag["updated_at"] = flagToggledAt.Iso();
        sb.Store.Write(tx =>
        {
            tx.Put(Kinds.FeatureFlag, flag.Long("id"), project.Long("id"), flag);
            return 0;
        });

        var headPipelineAt = anchor.AddHours(-2.75);
        var production = await pipelines.RecordAsync(shas[CheckoutHistory.Head], headPipelineAt, deployedAt - headPipelineAt, failTest: false, cancellationToken);
        await repo.CreateBranchAsync("staging", shas[CheckoutHistory.Head], cancellationToken);
        await repo.CreateBranchAsync("production", shas[CheckoutHistory.Head], cancellationToken);

        var controller = CheckoutFiles.Controller(CheckoutFiles.CulpritDiscountLine);
        var culpritLine = CheckoutFiles.LineOf(controller, "Coupon!.Percent");
        var logFile = Path.Combine(sb.DataDirectory, "logs", "checkout.jsonl");
        var onset = CheckoutLog.Write(logFile, anchor.AddHours(-6), anchor, deployedAt.AddMinutes(3), culpritLine);

        var culprit = history.Single(c => c.Key == CheckoutHistory.Culprit);
        return new GroundTruth
        {
            Scenario = "checkout",
            ProjectId = project.Long("id"),
            ProjectPath = ProjectPath,
            Anchor = anchor,
            CulpritSha = shas[CheckoutHistory.Culprit],
            CulpritTitle = culprit.Message.Split('\n')[0],
            CulpritFile = CheckoutFiles.ControllerPath,
            DeploymentId = production.ProductionDeploymentId,
            DeployedAt = deployedAt,
            OnsetAt = onset,
            LogFile = logFile,
            Service = "checkout",
            Environment = "production",
            FlagName = FlagName,
            FlagToggledAt = flagToggledAt,
            FailedJobId = failed.FailedJobId,
            IssueTitle = "Checkout fails with HTTP 500 for customers without a coupon",
            IssueDescription =
                $"Since about {onset:HH:mm} UTC customers report that placing an order fails with an error page. " +
                "Support sees POST /api/checkout returning 500 in production; carts with a coupon still go through. " +
                "Escalated by the customer success team (ticket ZD-48213), revenue impact.",
            IssueLabels = ["escalation::critical"],
        };
    }
}
