using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// The built-in <c>pipelines</c> scenario for pipeline triage and the Pipeline Doctor. <c>shop/payments</c> (dev → staging):
/// on <c>main</c> a green pipeline then a red one whose test job is still running; on <c>maintenance</c> a red pipeline and a
/// second running one of the same job (already failing); on dev a green pipeline, and staging, the same commit plus a
/// config change (<c>payments.rounding_mode</c>), running the test that will fail. <c>shop/ledger</c> (dev → staging): the
/// same commit fails the test on dev and is running on staging (a code failure). Running jobs finish through the runner's
/// <c>PUT /api/v4/jobs/:id</c>, which sends GitLab's Pipeline Hook.
/// </summary>
internal static class PipelinesScenario
{
    public const string ProjectPath = "shop/payments";
    public const string LedgerPath = "shop/ledger";
    public const string ConfigPath = "config/app.yaml";

    public const string Topology = """
        version: 1
        environments:
          - name: dev
            branch: dev
          - name: staging
            branch: staging
        promotion: [dev, staging]
        """;

    public static async Task<GroundTruth> SeedAsync(SandboxContext sb, CancellationToken cancellationToken)
    {
        var now = sb.Now;
        var anchor = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var people = CheckoutHistory.People;
        GitIdentity By(int person, double hoursAgo) => new(people[person].Name, people[person].Email, anchor.AddHours(-hoursAgo));
        var admin = sb.FindUser(1)!;

        var repo = await GitRepository.InitBareAsync(SandboxContext.RepositoryPath(sb.DataDirectory, ProjectPath), "main", cancellationToken);
        var shas = await FastImport.WriteAsync(repo, "main",
        [
            new("init", By(0, 50), "Payments service", Files("bankers", "\"/pay\"")),
            new("refund", By(1, 30), "Add refunds", new Dictionary<string, string?> { ["src/Api.cs"] = Service("\"/pay\", \"/refund\"") }),
            new("fees", By(2, 2), "Compute fees in cents", new Dictionary<string, string?> { ["src/Fees.cs"] = "namespace Payments;\n\npublic static class Fees { public static long Of(long cents) => cents / 33; }\n" }),
        ], cancellationToken);
        var project = await ProjectEndpoints.CreateAsync(sb, ProjectPath, "Payments API with dev and staging branches", cancellationToken);
        MemberEndpoints.Add(sb, project, admin, 50);
        await repo.CreateBranchAsync("maintenance", shas["init"], cancellationToken);
        await repo.CreateBranchAsync("dev", shas["refund"], cancellationToken);
        await repo.CreateBranchAsync("staging", shas["refund"], cancellationToken);
        var stagingConfig = await repo.CommitActionsAsync("staging", null, "Staging rounds half away from zero",
            [new GitFileAction("update", ConfigPath, null, Config("away_from_zero"), null, null)], By(3, 3), cancellationToken);

        var ci = new Ci(sb, project, repo, admin);
        await ci.RunAsync("main", shas["refund"], anchor.AddHours(-29), Outcome.Pass, "Payments.Tests", cancellationToken);
        await ci.RunAsync("main", shas["fees"], anchor.AddHours(-1.5), Outcome.Running, "Payments.Tests", cancellationToken);
        await ci.RunAsync("maintenance", shas["init"], anchor.AddHours(-40), Outcome.Pass, "Payments.Tests", cancellationToken);
        await ci.RunAsync("maintenance", shas["init"], anchor.AddHours(-20), Outcome.Fail, "Payments.Tests", cancellationToken);
        await ci.RunAsync("maintenance", shas["init"], anchor.AddHours(-1), Outcome.Running, "Payments.Tests", cancellationToken);
        await ci.RunAsync("dev", shas["refund"], anchor.AddHours(-10), Outcome.Pass, "Payments.Tests", cancellationToken);
        await ci.RunAsync("staging", stagingConfig, anchor.AddHours(-0.5), Outcome.Running, "Payments.Tests", cancellationToken);

        var ledgerRepo = await GitRepository.InitBareAsync(SandboxContext.RepositoryPath(sb.DataDirectory, LedgerPath), "main", cancellationToken);
        var ledgerShas = await FastImport.WriteAsync(ledgerRepo, "main",
        [
            new("init", By(0, 60), "Ledger service", Files("bankers", "\"/ledger\"")),
            new("balance", By(1, 8), "Balance in one query", new Dictionary<string, string?> { ["src/Api.cs"] = Service("\"/ledger\", \"/balance\"") }),
        ], cancellationToken);
        var ledger = await ProjectEndpoints.CreateAsync(sb, LedgerPath, "Ledger API with dev and staging branches", cancellationToken);
        MemberEndpoints.Add(sb, ledger, admin, 50);
        await ledgerRepo.CreateBranchAsync("dev", ledgerShas["balance"], cancellationToken);
        await ledgerRepo.CreateBranchAsync("staging", ledgerShas["balance"], cancellationToken);
        var ledgerCi = new Ci(sb, ledger, ledgerRepo, admin);
        await ledgerCi.RunAsync("dev", ledgerShas["balance"], anchor.AddHours(-6), Outcome.Fail, "Ledger.Tests", cancellationToken);
        await ledgerCi.RunAsync("staging", ledgerShas["balance"], anchor.AddHours(-0.5), Outcome.Running, "Ledger.Tests", cancellationToken);

        return new GroundTruth
        {
            Scenario = "pipelines",
            ProjectId = project.Long("id"),
            ProjectPath = ProjectPath,
            Anchor = anchor,
            CulpritSha = stagingConfig,
            CulpritTitle = "Staging rounds half away from zero",
            CulpritFile = ConfigPath,
            Environment = "staging",
            IssueTitle = "Red pipelines in shop/payments",
            IssueDescription = "main turned red with the fees commit; staging fails the test that passes on dev with the same code because payments.rounding_mode differs.",
        };
    }

    private static Dictionary<string, string?> Files(string rounding, string endpoints) => new()
    {
        ["envsync.yaml"] = Topology + "\n",
        [ConfigPath] = Config(rounding),
        [".gitlab-ci.yml"] = "stages: [build, test]\nbuild:\n  stage: build\n  script: dotnet build\ntest:\n  stage: test\n  script: dotnet test\n",
        ["src/Api.cs"] = Service(endpoints),
    };

    private static string Config(string rounding) => $"payments:\n  currency: EUR\n  rounding_mode: {rounding}\nhttp:\n  timeout_seconds: 30\n";

    private static string Service(string endpoints) => $"namespace Payments;\n\npublic static class Api\n{{\n    public static readonly string[] Endpoints = [{endpoints}];\n}}\n";

    private enum Outcome { Pass, Fail, Running }

    private sealed class Ci(SandboxContext sb, JsonObject project, GitRepository repo, JsonObject user)
    {
        public async Task RunAsync(string branch, string sha, DateTimeOffset at, Outcome outcome, string tests, CancellationToken cancellationToken)
        {
            var commit = await repo.GetCommitAsync(sha, cancellationToken) ?? throw new InvalidOperationException("seed commit missing");
            var path = project.Str("path_with_namespace");
            JobSpec test = outcome switch
            {
                Outcome.Pass => new("test", "test", "success", at.AddMinutes(3), at.AddMinutes(6), Trace: PipelineTraces.Passed(path, branch, sha, tests)),
                Outcome.Fail => new("test", "test", "failed", at.AddMinutes(3), at.AddMinutes(6), "script_failure", Trace: PipelineTraces.Failed(path, branch, sha, tests)),
                _ => new("test", "test", "running", at.AddMinutes(3), Trace: PipelineTraces.Failed(path, branch, sha, tests)),
            };
            CiRecords.CreatePipeline(sb, project, commit, branch, "push", user, at,
                [new JobSpec("build", "build", "success", at.AddMinutes(1), at.AddMinutes(3), Trace: PipelineTraces.Build(path, branch, sha)), test]);
        }
    }
}
