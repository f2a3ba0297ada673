using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>
/// The runner's job update (<c>PUT /api/v4/jobs/:id</c> with <c>state</c> and <c>failure_reason</c>): a seeded running
/// job finishes, its pipeline's status follows, and GitLab's Job Hook and (when the pipeline finishes) Pipeline Hook go out.
/// </summary>
internal static class RunnerJobEndpoints
{
    private static readonly HashSet<string> States = ["running", "success", "failed", "canceled"];

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/jobs/{jobId:long}", async (HttpContext http, long jobId, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.Store.Get(Kinds.Job, jobId) is not { } job)
            {
                return ApiResults.NotFound("Job");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var state = RequestParams.Required(body, "state");
            if (!States.Contains(state))
            {
                return ApiResults.BadRequest("state does not have a valid value");
            }

            var projectId = job["pipeline"]!.AsObject().Long("project_id");
            var project = sb.Store.Get(Kinds.Project, projectId)!;
            var pipeline = sb.Store.Get(Kinds.Pipeline, job["pipeline"]!.AsObject().Long("id"))!;
            var now = sb.Now;
            job["status"] = state;
            job["failure_reason"] = state == "failed" ? body.OptStr("failure_reason") ?? "script_failure" : null;
            if (state != "running")
            {
                job["finished_at"] = now.Iso();
            }

            var jobs = sb.Store.List(Kinds.Job, projectId).Where(j => j["pipeline"]!.AsObject().Long("id") == pipeline.Long("id"))
                .Select(j => j.Long("id") == jobId ? job : j).OrderBy(j => j.Long("id")).ToList();
            var before = pipeline.Str("status");
            var status = CiRecords.PipelineStatus([.. jobs.Select(j => new JobSpec(j.Str("name"), j.Str("stage"), j.Str("status"), AllowFailure: j.Bool("allow_failure") ?? false))]);
            pipeline["status"] = status;
            pipeline["updated_at"] = now.Iso();
            if (status is "success" or "failed")
            {
                pipeline["finished_at"] = now.Iso();
            }

            foreach (var j in jobs)
            {
                j["pipeline"]!.AsObject()["status"] = status;
            }

            sb.Store.Write(tx =>
            {
                foreach (var j in jobs)
                {
                    tx.Put(Kinds.Job, j.Long("id"), projectId, j);
                }

                tx.Put(Kinds.Pipeline, pipeline.Long("id"), projectId, pipeline);
                return 0;
            });
            var commit = await sb.Repository(project).GetCommitAsync(pipeline.Str("sha"), ct) ?? throw new InvalidOperationException("pipeline commit missing");
            var user = sb.FindUser(pipeline["user"]?.AsObject().Long("id") ?? 1) ?? sb.FindUser(1)!;
            sb.Hooks.Raise(projectId, HookEvents.Jobs, HookPayloads.Job(sb, project, pipeline, job, commit, user));
            if (status != before)
            {
                sb.Hooks.Raise(projectId, HookEvents.Pipelines, HookPayloads.Pipeline(sb, project, pipeline, jobs, commit, user));
            }

            return ApiResults.Json(job);
        });
}
