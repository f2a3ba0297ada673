using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Pipelines (list, get, create with variables) and their jobs (list with scope, get, trace).</summary>
internal static class PipelineEndpoints
{
    private static readonly string[] ListKeys = ["id", "iid", "project_id", "status", "source", "ref", "sha", "name", "web_url", "created_at", "updated_at"];

    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/pipelines", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var updatedAfter = DateTimeOffset.TryParse(q["updated_after"], System.Globalization.CultureInfo.InvariantCulture, out var ua) ? ua : (DateTimeOffset?)null;
            var updatedBefore = DateTimeOffset.TryParse(q["updated_before"], System.Globalization.CultureInfo.InvariantCulture, out var ub) ? ub : (DateTimeOffset?)null;
            var list = sb.Store.List(Kinds.Pipeline, p.Long("id"))
                .Where(x => q["ref"].Count == 0 || x.Str("ref") == q["ref"])
                .Where(x => q["sha"].Count == 0 || x.Str("sha") == q["sha"])
                .Where(x => q["status"].Count == 0 || x.Str("status") == q["status"])
                .Where(x => q["source"].Count == 0 || x.Str("source") == q["source"])
                .Where(x => updatedAfter is null || x.Time("updated_at") > updatedAfter)
                .Where(x => updatedBefore is null || x.Time("updated_at") < updatedBefore)
                .OrderBy(x => x.Long("id"))
                .ToList();
            if (q["sort"] != "asc")
            {
                list.Reverse();
            }

            return Paging.Page(http, list.Select(x => (JsonNode?)Pick(x, ListKeys)).ToList());
        });

        project.MapGet("/pipelines/{pipelineId:long}", (string id, long pipelineId, SandboxContext sb) =>
            sb.FindProject(id) is { } p && sb.Store.Get(Kinds.Pipeline, pipelineId) is { } x && x.Long("project_id") == p.Long("id")
                ? ApiResults.Json(x)
                : ApiResults.NotFound(sb.FindProject(id) is null ? "Project" : "Pipeline"));

        project.MapGet("/pipelines/{pipelineId:long}/variables", (string id, long pipelineId, SandboxContext sb) =>
            sb.FindProject(id) is { } p && sb.Store.Get(Kinds.Pipeline, pipelineId) is { } x && x.Long("project_id") == p.Long("id")
                ? ApiResults.Json(x["_variables"]?.DeepClone() ?? new JsonArray())
                : ApiResults.NotFound("Pipeline"));

        project.MapPost("/pipeline", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var reference = RequestParams.Required(body, "ref");
            var repo = sb.Repository(p);
            // GitLab runs pipelines for branches and tags only; a sha or unknown name is a validation error on "base".
            var head = await repo.ResolveAsync($"refs/heads/{reference}", ct) ?? await repo.ResolveAsync($"refs/tags/{reference}", ct);
            if (head is null || await repo.GetCommitAsync(head, ct) is not { } commit)
            {
                return ApiResults.Json(new JsonObject { ["message"] = new JsonObject { ["base"] = new JsonArray("Reference not found") } }, StatusCodes.Status400BadRequest);
            }

            var variables = (body["variables"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(v => (JsonNode?)new JsonObject { ["key"] = v.Str("key"), ["value"] = v.Str("value"), ["variable_type"] = v.OptStr("variable_type") ?? "env_var" })
                .ToJsonArray();
            var user = http.CurrentUser();
            var (pipeline, jobs) = CiRecords.CreatePipeline(sb, p, commit, reference, "api", user, sb.Now,
                [new JobSpec("build", "build", "pending"), new JobSpec("test", "test", "created")], variables);
            sb.Hooks.Raise(p.Long("id"), HookEvents.Pipelines, HookPayloads.Pipeline(sb, p, pipeline, jobs, commit, user));
            foreach (var job in jobs)
            {
                sb.Hooks.Raise(p.Long("id"), HookEvents.Jobs, HookPayloads.Job(sb, p, pipeline, job, commit, user));
            }

            return ApiResults.Created(pipeline);
        });

        project.MapGet("/pipelines/{pipelineId:long}/jobs", (HttpContext http, string id, long pipelineId, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);
            if (sb.Store.Get(Kinds.Pipeline, pipelineId) is not { } pipeline || pipeline.Long("project_id") != p.Long("id"))
            {
                return ApiResults.NotFound("Pipeline");
            }

            var scopes = http.Request.Query["scope[]"].Concat(http.Request.Query["scope"]).Where(s => !string.IsNullOrEmpty(s)).ToHashSet();
            var jobs = sb.Store.List(Kinds.Job, p.Long("id"))
                .Where(j => j["pipeline"]!.AsObject().Long("id") == pipelineId)
                .Where(j => scopes.Count == 0 || scopes.Contains(j.Str("status")))
                .OrderByDescending(j => j.Long("id"))
                .ToList<JsonNode?>();
            return Paging.Page(http, jobs);
        });

        project.MapGet("/jobs/{jobId:long}", (string id, long jobId, SandboxContext sb) =>
            sb.FindProject(id) is { } p && sb.Store.Get(Kinds.Job, jobId) is { } job && job["pipeline"]!.AsObject().Long("project_id") == p.Long("id")
                ? ApiResults.Json(job)
                : ApiResults.NotFound(sb.FindProject(id) is null ? "Project" : "Job"));

        project.MapGet("/jobs/{jobId:long}/trace", (string id, long jobId, SandboxContext sb) =>
            sb.FindProject(id) is { } p && sb.Store.Get(Kinds.Trace, jobId) is { } trace && sb.Store.Get(Kinds.Job, jobId)?["pipeline"]?.AsObject().Long("project_id") == p.Long("id")
                ? Results.Text(trace.Str("text"), "text/plain")
                : ApiResults.NotFound(sb.FindProject(id) is null ? "Project" : "Job"));
    }

    private static JsonObject Pick(JsonObject source, IEnumerable<string> keys)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            result[key] = source[key]?.DeepClone();
        }

        return result;
    }
}
