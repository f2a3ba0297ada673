using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>One job of a pipeline to record (seeds give past times and traces; the API gives pending jobs).</summary>
internal sealed record JobSpec(
    string Name,
    string Stage,
    string Status,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? FailureReason = null,
    bool AllowFailure = false,
    string Trace = "",
    string? Environment = null);

/// <summary>Builds pipelines, jobs, deployments and environments in GitLab's shapes, for the API and the seeds alike.</summary>
internal static partial class CiRecords
{
    public static (JsonObject Pipeline, List<JsonObject> Jobs) CreatePipeline(
        SandboxContext sb, JsonObject project, GitCommit commit, string reference, string source, JsonObject user,
        DateTimeOffset createdAt, IReadOnlyList<JobSpec> jobs, JsonArray? variables = null)
    {
        var projectId = project.Long("id");
        var projectUrl = sb.ProjectUrl(project);
        var status = PipelineStatus(jobs);
        var started = jobs.Select(j => j.StartedAt).Where(t => t is not null).Min();
        var finished = status is "success" or "failed" ? jobs.Select(j => j.FinishedAt).Where(t => t is not null).Max() : null;
        var updated = finished ?? started ?? createdAt;
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.Pipeline);
            var iid = tx.Next($"{Kinds.Pipeline}:{projectId}");
            var pipeline = new JsonObject
            {
                ["id"] = id,
                ["iid"] = iid,
                ["project_id"] = projectId,
                ["name"] = "Build pipeline",
                ["sha"] = commit.Id,
                ["ref"] = reference,
                ["status"] = status,
                ["source"] = source,
                ["created_at"] = createdAt.Iso(),
                ["updated_at"] = updated.Iso(),
                ["web_url"] = $"{projectUrl}/-/pipelines/{id}",
                ["before_sha"] = commit.ParentIds.FirstOrDefault() ?? new string('0', 40),
                ["tag"] = false,
                ["yaml_errors"] = null,
                ["user"] = Shapes.UserBasic(user),
                ["started_at"] = started?.Iso(),
                ["finished_at"] = finished?.Iso(),
                ["committed_at"] = null,
                ["duration"] = started is { } s && finished is { } f ? (int)(f - s).TotalSeconds : null,
                ["queued_duration"] = started is { } s2 ? (int)(s2 - createdAt).TotalSeconds : null,
                ["coverage"] = null,
                ["detailed_status"] = DetailedStatus(status, $"/{project.Str("path_with_namespace")}/-/pipelines/{id}"),
                ["_variables"] = variables ?? [],
            };
            tx.Put(Kinds.Pipeline, id, projectId, pipeline);
            var created = new List<JsonObject>();
            foreach (var spec in jobs)
            {
                created.Add(CreateJob(tx, projectId, projectUrl, pipeline, commit, user, createdAt, spec));
            }

            return (pipeline, created);
        });
    }

    private static JsonObject CreateJob(StoreTransaction tx, long projectId, string projectUrl, JsonObject pipeline, GitCommit commit, JsonObject user, DateTimeOffset createdAt, JobSpec spec)
    {
        var id = tx.Next(Kinds.Job);
        var traceSize = System.Text.Encoding.UTF8.GetByteCount(spec.Trace);
        var job = new JsonObject
        {
            ["commit"] = Shapes.Commit(commit, projectUrl),
            ["coverage"] = null,
            ["allow_failure"] = spec.AllowFailure,
            ["created_at"] = createdAt.Iso(),
            ["started_at"] = spec.StartedAt?.Iso(),
            ["finished_at"] = spec.FinishedAt?.Iso(),
            ["erased_at"] = null,
            ["duration"] = spec.StartedAt is { } s && spec.FinishedAt is { } f ? (f - s).TotalSeconds : null,
            ["queued_duration"] = spec.StartedAt is { } s2 ? (s2 - createdAt).TotalSeconds : null,
            ["artifacts_file"] = new JsonObject { ["filename"] = "job.log", ["size"] = traceSize },
            ["artifacts"] = new JsonArray(new JsonObject { ["file_type"] = "trace", ["size"] = traceSize, ["filename"] = "job.log", ["file_format"] = null }),
            ["artifacts_expire_at"] = null,
            ["tag_list"] = new JsonArray("docker", "linux"),
            ["id"] = id,
            ["name"] = spec.Name,
            ["pipeline"] = new JsonObject
            {
                ["id"] = pipeline.Long("id"),
                ["iid"] = pipeline.Long("iid"),
                ["project_id"] = projectId,
                ["ref"] = pipeline.Str("ref"),
                ["sha"] = commit.Id,
                ["status"] = pipeline.Str("status"),
                ["source"] = pipeline.Str("source"),
                ["created_at"] = pipeline.Str("created_at"),
                ["updated_at"] = pipeline.Str("updated_at"),
                ["web_url"] = pipeline.Str("web_url"),
            },
            ["ref"] = pipeline.Str("ref"),
            ["runner"] = null,
            ["stage"] = spec.Stage,
            ["status"] = spec.Status,
            ["failure_reason"] = spec.FailureReason,
            ["tag"] = false,
            ["web_url"] = $"{projectUrl}/-/jobs/{id}",
            ["project"] = new JsonObject { ["ci_job_token_scope_enabled"] = false },
            ["user"] = user.Clone(),
            ["_environment"] = spec.Environment,
        };
        tx.Put(Kinds.Job, id, projectId, job);
        tx.Put(Kinds.Trace, id, projectId, new JsonObject { ["text"] = spec.Trace });
        return job;
    }

    public static string PipelineStatus(IReadOnlyList<JobSpec> jobs)
    {
        if (jobs.Any(j => j.Status == "failed" && !j.AllowFailure))
        {
            return "failed";
        }

        if (jobs.Any(j => j.Status == "running"))
        {
            return "running";
        }

        if (jobs.Any(j => j.Status is "pending" or "created"))
        {
            return "pending";
        }

        return "success";
    }

    private static JsonObject DetailedStatus(string status, string path) => new()
    {
        ["icon"] = $"status_{status}",
        ["text"] = status == "success" ? "passed" : status,
        ["label"] = status == "success" ? "passed" : status,
        ["group"] = status,
        ["tooltip"] = status == "success" ? "passed" : status,
        ["has_details"] = false,
        ["details_path"] = path,
        ["illustration"] = null,
        ["favicon"] = $"/assets/ci_favicons/favicon_status_{status}.png",
    };
}
