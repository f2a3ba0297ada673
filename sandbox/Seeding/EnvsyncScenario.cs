using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// The built-in <c>envsync</c> scenario: <c>platform/inventory</c> with dev → staging → production branches
/// (an <c>envsync.yaml</c> at the root), expected config drift on staging and production, one unexpected key
/// (a hand-made production hotfix of the HTTP timeout), a red pipeline on dev, green ones elsewhere, and a
/// deployment per environment (two on production: the initial commit, then the hotfix; between them a migration that
/// drops a column, for the rollback guard); plus <c>platform/billing</c>, a project with no topology at all.
/// </summary>
internal static class EnvsyncScenario
{
    public const string ProjectPath = "platform/inventory";
    public const string PlainProjectPath = "platform/billing";
    public const string Group = "platform";

    public static async Task<GroundTruth> SeedAsync(SandboxContext sb, CancellationToken cancellationToken)
    {
        var now = sb.Now;
        var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var people = CheckoutHistory.People;
        GitIdentity By(int person, double hoursAgo) => new(people[person].Name, people[person].Email, anchor.AddHours(-hoursAgo));

        var repo = await GitRepository.InitBareAsync(SandboxContext.RepositoryPath(sb.DataDirectory, ProjectPath), "dev", cancellationToken);
        var shas = await FastImport.WriteAsync(repo, "dev",
        [
            new("init", By(0, 200), "Inventory service with its environments", new Dictionary<string, string?>
            {
                ["envsync.yaml"] = EnvsyncFiles.Topology + "\n",
                [EnvsyncFiles.ConfigPath] = EnvsyncFiles.Config("db.internal", "info", 30) + "\n",
                [".gitlab-ci.yml"] = EnvsyncFiles.Ci + "\n",
                ["src/Api.cs"] = EnvsyncFiles.Service("\"/stock\"") + "\n",
                [EnvsyncFiles.FirstMigrationPath] = EnvsyncFiles.FirstMigration,
            }),
            new("drop-sku", By(1, 170), "Drop the legacy SKU column", new Dictionary<string, string?> { [EnvsyncFiles.DropColumnMigrationPath] = EnvsyncFiles.DropColumnMigration }),
            new("reservations", By(1, 150), "Add reservations endpoint", new Dictionary<string, string?> { ["src/Api.cs"] = EnvsyncFiles.Service("\"/stock\", \"/reservations\"") + "\n" }),
            new("search", By(2, 100), "Add search endpoint", new Dictionary<string, string?> { ["src/Api.cs"] = EnvsyncFiles.Service("\"/stock\", \"/reservations\", \"/search\"") + "\n" }),
            new("pool", By(1, 30), "Raise the database pool to 20", new Dictionary<string, string?> { [EnvsyncFiles.ConfigPath] = EnvsyncFiles.Config("db.internal", "info", 30, pool: 20) + "\n" }),
            new("export", By(2, 5), "Add CSV export (tests still failing)", new Dictionary<string, string?> { ["src/Api.cs"] = EnvsyncFiles.Service("\"/stock\", \"/reservations\", \"/search\", \"/export\"") + "\n" }),
        ], cancellationToken);

        await repo.CreateBranchAsync("production", shas["reservations"], cancellationToken);
        await repo.CreateBranchAsync("staging", shas["search"], cancellationToken);
        var stagingConfig = await CommitAsync(repo, "staging", "Point staging at its database, debug logging", EnvsyncFiles.ConfigPath,
            EnvsyncFiles.Config("db-staging.internal", "debug", 30), By(2, 90), cancellationToken);
        await CommitAsync(repo, "production", "Production endpoints", EnvsyncFiles.ProductionEnvPath, "API_URL=https://inventory.example\n", By(0, 140), cancellationToken, "create");
        await CommitAsync(repo, "production", "Point production at its database", EnvsyncFiles.ConfigPath,
            EnvsyncFiles.Config("db-prod.internal", "warn", 30), By(0, 139), cancellationToken);
        var hotfix = await CommitAsync(repo, "production", "Hotfix: raise HTTP timeout during the outage", EnvsyncFiles.ConfigPath,
            EnvsyncFiles.Config("db-prod.internal", "warn", 90), By(3, 20), cancellationToken);

        var project = await ProjectEndpoints.CreateAsync(sb, ProjectPath, "Inventory API with dev, staging and production branches", cancellationToken);
        var admin = sb.FindUser(1)!;
        MemberEndpoints.Add(sb, project, admin, 50);
        CiRecords.CreateEnvironment(sb, project, "development", "development", "http://127.0.0.1:5090", anchor.AddDays(-10));
        CiRecords.CreateEnvironment(sb, project, "staging", "staging", "http://127.0.0.1:5091", anchor.AddDays(-10));
        CiRecords.CreateEnvironment(sb, project, "production", "production", "https://inventory.example", anchor.AddDays(-10));

        // In time order, as GitLab numbers them: the red one is the latest on dev. Production's first deployment (of the
        // initial commit, before the column was dropped) is its last known-good one for a rollback.
        await PipelineAsync(sb, project, repo, admin, "production", shas["init"], anchor.AddHours(-195), "production", failTest: false, cancellationToken);
        await PipelineAsync(sb, project, repo, admin, "dev", shas["pool"], anchor.AddHours(-29), "development", failTest: false, cancellationToken);
        var red = await PipelineAsync(sb, project, repo, admin, "dev", shas["export"], anchor.AddHours(-4.5), "development", failTest: true, cancellationToken);
        await PipelineAsync(sb, project, repo, admin, "staging", stagingConfig, anchor.AddHours(-80), "staging", failTest: false, cancellationToken);
        await PipelineAsync(sb, project, repo, admin, "production", hotfix, anchor.AddHours(-19), "production", failTest: false, cancellationToken);

        var plain = await GitRepository.InitBareAsync(SandboxContext.RepositoryPath(sb.DataDirectory, PlainProjectPath), "main", cancellationToken);
        await FastImport.WriteAsync(plain, "main",
            [new("billing", By(1, 48), "Billing service", new Dictionary<string, string?> { ["README.md"] = "# Billing\n" })], cancellationToken);
        var billing = await ProjectEndpoints.CreateAsync(sb, PlainProjectPath, "Billing API, no environment topology", cancellationToken);
        MemberEndpoints.Add(sb, billing, admin, 50);

        return new GroundTruth
        {
            Scenario = "envsync",
            ProjectId = project.Long("id"),
            ProjectPath = ProjectPath,
            Anchor = anchor,
            CulpritSha = hotfix,
            CulpritTitle = "Hotfix: raise HTTP timeout during the outage",
            CulpritFile = EnvsyncFiles.ConfigPath,
            Environment = "production",
            FailedJobId = red,
            IssueTitle = "Environment drift in platform/inventory",
            IssueDescription = "production's http.timeout_seconds was changed on the production branch only (30 → 90); dev's last pipeline is red.",
        };
    }

    private static Task<string> CommitAsync(GitRepository repo, string branch, string message, string path, string content, GitIdentity who, CancellationToken cancellationToken, string action = "update") =>
        repo.CommitActionsAsync(branch, null, message, [new GitFileAction(action, path, null, content.EndsWith('\n') ? content : content + "\n", null, null)], who, cancellationToken);

    /// <summary>A push pipeline: build, test, and a deploy to the branch's environment when the test passes. Returns the failed job's id, if any.</summary>
    private static async Task<long?> PipelineAsync(
        SandboxContext sb, JsonObject project, GitRepository repo, JsonObject user, string branch, string sha, DateTimeOffset at, string environment, bool failTest, CancellationToken cancellationToken)
    {
        var commit = await repo.GetCommitAsync(sha, cancellationToken) ?? throw new InvalidOperationException("seed commit missing");
        var jobs = new List<JobSpec>
        {
            new("build", "build", "success", at.AddMinutes(1), at.AddMinutes(3), Trace: Traces.Build(sha)),
            failTest
                ? new("test", "test", "failed", at.AddMinutes(3), at.AddMinutes(6), "script_failure", Trace: Traces.FailedTest(sha))
                : new("test", "test", "success", at.AddMinutes(3), at.AddMinutes(6), Trace: Traces.PassedTest(sha)),
        };
        if (!failTest)
        {
            jobs.Add(new($"deploy-{environment}", "deploy", "success", at.AddMinutes(6), at.AddMinutes(8), Trace: Traces.Deploy(environment, sha), Environment: environment));
        }

        var (_, created) = CiRecords.CreatePipeline(sb, project, commit, branch, "push", user, at, jobs);
        foreach (var job in created.Where(j => j.OptStr("_environment") is not null && j.Str("status") == "success"))
        {
            CiRecords.CreateDeployment(sb, project, job.Str("_environment"), job, "success", user, job.Time("started_at")!.Value, job.Time("finished_at")!.Value);
        }

        return created.FirstOrDefault(j => j.Str("status") == "failed")?.Long("id");
    }
}
