using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>Records the scenario's push pipelines: build, test, deploy to staging and (optionally) production.</summary>
internal sealed class CheckoutPipelines(SandboxContext sb, JsonObject project, GitRepository repo, JsonObject user)
{
    internal sealed record Recorded(long PipelineId, long? FailedJobId, long? ProductionDeploymentId);

    public async Task<Recorded> RecordAsync(string sha, DateTimeOffset createdAt, TimeSpan? productionAfter, bool failTest, CancellationToken cancellationToken)
    {
        var commit = await repo.GetCommitAsync(sha, cancellationToken) ?? throw new InvalidOperationException("seed commit missing");
        var buildStart = createdAt.AddSeconds(20);
        var testStart = buildStart.AddMinutes(2);
        var stagingStart = testStart.AddMinutes(3);
        var jobs = new List<JobSpec>
        {
            new("build", "build", "success", buildStart, buildStart.AddSeconds(95), Trace: Traces.Build(sha)),
            failTest
                ? new("test", "test", "failed", testStart, testStart.AddSeconds(142), "script_failure", Trace: Traces.FailedTest(sha))
                : new("test", "test", "success", testStart, testStart.AddSeconds(131), Trace: Traces.PassedTest(sha)),
        };
        if (!failTest)
        {
            jobs.Add(new("deploy-staging", "deploy", "success", stagingStart, stagingStart.AddSeconds(48), Trace: Traces.Deploy("staging", sha), Environment: "staging"));
            jobs.Add(productionAfter is { } after
                ? new("deploy-production", "deploy", "success", createdAt + after - TimeSpan.FromSeconds(50), createdAt + after, Trace: Traces.Deploy("production", sha), Environment: "production")
                : new("deploy-production", "deploy", "manual", Environment: "production"));
        }

        var (pipeline, created) = CiRecords.CreatePipeline(sb, project, commit, "main", "push", user, createdAt, jobs);
        long? productionId = null;
        foreach (var job in created.Where(j => j.OptStr("_environment") is not null && j.Str("status") == "success"))
        {
            var deployment = CiRecords.CreateDeployment(sb, project, job.Str("_environment"), job, "success", user,
                job.Time("started_at")!.Value, job.Time("finished_at")!.Value);
            if (job.Str("_environment") == "production")
            {
                productionId = deployment.Long("id");
            }
        }

        var failed = created.FirstOrDefault(j => j.Str("status") == "failed");
        return new Recorded(pipeline.Long("id"), failed?.Long("id"), productionId);
    }
}
