using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// <c>--seed PATH</c>: imports a local git repository, plus an optional <c>scenario.json</c> at its root
/// (project_path, description, environments, deployments, pipelines, flags, issue, logs, culprit_sha, onset_at),
/// so a new scenario needs no code. Times are ISO 8601; shas may be any ref git resolves.
/// </summary>
internal static class ImportScenario
{
    public static async Task<GroundTruth> SeedAsync(SandboxContext sb, string source, CancellationToken cancellationToken)
    {
        var scenarioFile = Path.Combine(source, "scenario.json");
        var scenario = File.Exists(scenarioFile) ? JsonNode.Parse(await File.ReadAllTextAsync(scenarioFile, cancellationToken))!.AsObject() : [];
        var projectPath = scenario.OptStr("project_path") ?? $"imported/{Path.GetFileName(source.TrimEnd('/')).ToLowerInvariant()}";
        var gitDir = SandboxContext.RepositoryPath(sb.DataDirectory, projectPath);
        Directory.CreateDirectory(Path.GetDirectoryName(gitDir)!);
        await GitCli.RunCheckedAsync(sb.DataDirectory, ["clone", "--bare", "--quiet", source, gitDir], cancellationToken);
        var repo = new GitRepository(gitDir);
        var project = await ProjectEndpoints.CreateAsync(sb, projectPath, scenario.OptStr("description") ?? "Imported repository", cancellationToken);
        var admin = sb.FindUser(1)!;
        MemberEndpoints.Add(sb, project, admin, 50);

        foreach (var env in Objects(scenario, "environments"))
        {
            CiRecords.CreateEnvironment(sb, project, env.Str("name"), env.OptStr("tier") ?? env.Str("name"), env.OptStr("external_url"), env.Time("created_at") ?? sb.Now.AddDays(-30));
        }

        foreach (var flag in Objects(scenario, "flags"))
        {
            var created = FeatureFlagEndpoints.Create(sb, project, flag.Str("name"), flag.OptStr("description"), flag.Bool("active") ?? true, flag.Time("created_at") ?? sb.Now.AddDays(-30));
            created["updated_at"] = (flag.Time("updated_at") ?? sb.Now).Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.FeatureFlag, created.Long("id"), project.Long("id"), created);
                return 0;
            });
        }

        foreach (var spec in Objects(scenario, "pipelines"))
        {
            var commit = await repo.GetCommitAsync(spec.OptStr("sha") ?? spec.OptStr("ref") ?? "HEAD", cancellationToken) ?? throw new ArgumentException($"scenario.json: unknown pipeline sha {spec.OptStr("sha")}");
            var at = spec.Time("at") ?? sb.Now;
            var jobs = Objects(spec, "jobs").Select(j => new JobSpec(
                j.Str("name"), j.OptStr("stage") ?? "test", j.OptStr("status") ?? "success", at.AddMinutes(1), at.AddMinutes(3),
                j.OptStr("failure_reason"), j.Bool("allow_failure") ?? false, j.OptStr("trace") ?? string.Empty)).ToList();
            CiRecords.CreatePipeline(sb, project, commit, spec.OptStr("ref") ?? project.Str("default_branch"), "push", admin, at, jobs);
        }

        long? lastDeployment = null;
        foreach (var spec in Objects(scenario, "deployments"))
        {
            var commit = await repo.GetCommitAsync(spec.OptStr("sha") ?? spec.OptStr("ref") ?? "HEAD", cancellationToken) ?? throw new ArgumentException($"scenario.json: unknown deployment sha {spec.OptStr("sha")}");
            var at = spec.Time("at") ?? sb.Now;
            var environment = spec.Str("environment");
            var (_, jobs) = CiRecords.CreatePipeline(sb, project, commit, spec.OptStr("ref") ?? project.Str("default_branch"), "push", admin, at.AddMinutes(-5),
                [new JobSpec($"deploy-{environment}", "deploy", "success", at.AddMinutes(-1), at, Environment: environment)]);
            lastDeployment = CiRecords.CreateDeployment(sb, project, environment, jobs[0], spec.OptStr("status") ?? "success", admin, at.AddMinutes(-1), at).Long("id");
        }

        string? logFile = null;
        if (scenario.OptStr("logs") is { } logs)
        {
            logFile = Path.Combine(sb.DataDirectory, "logs", Path.GetFileName(logs));
            Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
            File.Copy(Path.Combine(source, logs), logFile, overwrite: true);
        }

        var issue = scenario["issue"] as JsonObject ?? [];
        return new GroundTruth
        {
            Scenario = "import",
            ProjectId = project.Long("id"),
            ProjectPath = projectPath,
            Anchor = sb.Now,
            CulpritSha = scenario.OptStr("culprit_sha") is { } c ? await repo.ResolveAsync(c, cancellationToken) : null,
            DeploymentId = lastDeployment,
            OnsetAt = scenario.Time("onset_at"),
            LogFile = logFile,
            Service = scenario.OptStr("service"),
            IssueTitle = issue.OptStr("title") ?? $"Incident in {projectPath}",
            IssueDescription = issue.OptStr("description") ?? string.Empty,
            IssueLabels = issue.StringList("labels").ToList(),
        };
    }

    private static IEnumerable<JsonObject> Objects(JsonObject parent, string key) =>
        parent[key] is JsonArray array ? array.OfType<JsonObject>() : [];
}
