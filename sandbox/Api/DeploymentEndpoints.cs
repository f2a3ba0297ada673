using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Deployments (list with environment, sort, updated_after; create) and environments (list, get).</summary>
internal static class DeploymentEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/deployments", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var after = RequestParams.Time(q["updated_after"]);
            var before = RequestParams.Time(q["updated_before"]);
            var orderBy = q["order_by"].ToString() is { Length: > 0 } o ? o : "id";
            if ((after is not null || before is not null) && orderBy != "updated_at")
            {
                // GitLab 16.0+ refuses an updated_at filter over any other order (DeploymentsFinder's InefficientQueryError).
                return ApiResults.BadRequest("400 Bad request - `updated_at` filter requires `updated_at` sort");
            }

            var list = sb.Store.List(Kinds.Deployment, p.Long("id"))
                .Where(d => q["environment"].Count == 0 || d["environment"]!.AsObject().Str("name") == q["environment"])
                .Where(d => q["status"].Count == 0 || d.Str("status") == q["status"])
                .Where(d => after is null || d.Time("updated_at") > after)
                .Where(d => before is null || d.Time("updated_at") < before)
                .OrderBy(d => orderBy is "created_at" or "updated_at" or "finished_at" ? d.Time(orderBy == "finished_at" ? "updated_at" : orderBy)?.UtcTicks ?? 0 : d.Long("id"))
                .ThenBy(d => d.Long("id"))
                .ToList();
            if (q["sort"] == "desc")
            {
                list.Reverse();
            }

            return Paging.Page(http, list.ToList<JsonNode?>());
        });

        project.MapGet("/deployments/{deploymentId:long}", (string id, long deploymentId, SandboxContext sb) =>
            sb.FindProject(id) is { } p && sb.Store.Get(Kinds.Deployment, deploymentId) is { } d && sb.Store.List(Kinds.Deployment, p.Long("id")).Any(x => x.Long("id") == deploymentId)
                ? ApiResults.Json(d)
                : ApiResults.NotFound("Deployment"));

        project.MapPost("/deployments", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var environment = RequestParams.Required(body, "environment");
            var reference = RequestParams.Required(body, "ref");
            var status = RequestParams.Required(body, "status");
            var sha = body.OptStr("sha") ?? reference;
            if (await sb.Repository(p).GetCommitAsync(sha, ct) is not { } commit)
            {
                return ApiResults.BadRequest("The commit does not exist");
            }

            var user = http.CurrentUser();
            var now = sb.Now;
            var jobStatus = status == "running" ? "running" : status;
            var (_, jobs) = CiRecords.CreatePipeline(sb, p, commit, reference, "api", user, now,
                [new JobSpec($"deploy-{environment}", "deploy", jobStatus, now, status == "running" ? null : now, Environment: environment)]);
            var deployment = CiRecords.CreateDeployment(sb, p, environment, jobs[0], status, user, now, now);
            sb.Hooks.Raise(p.Long("id"), HookEvents.Deployments, HookPayloads.Deployment(sb, p, deployment, commit, user));
            return ApiResults.Created(deployment);
        });

        project.MapGet("/environments", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var list = sb.Store.List(Kinds.Environment, p.Long("id"))
                .Where(e => q["name"].Count == 0 || e.Str("name") == q["name"])
                .Where(e => q["search"].Count == 0 || e.Str("name").Contains(q["search"].ToString(), StringComparison.OrdinalIgnoreCase))
                .Where(e => q["states"].Count == 0 || e.Str("state") == q["states"])
                .ToList<JsonNode?>();
            return Paging.Page(http, list);
        });

        project.MapGet("/environments/{environmentId:long}", (string id, long environmentId, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);
            if (sb.Store.Get(Kinds.Environment, environmentId) is not { } environment
                || !sb.Store.List(Kinds.Environment, p.Long("id")).Any(e => e.Long("id") == environmentId))
            {
                return ApiResults.NotFound("Environment");
            }

            var last = sb.Store.List(Kinds.Deployment, p.Long("id"))
                .Where(d => d["environment"]!.AsObject().Long("id") == environmentId && d.Str("status") == "success")
                .MaxBy(d => d.Long("id"));
            if (last is not null)
            {
                var copy = last.Clone();
                copy.Remove("environment");
                environment["last_deployment"] = copy;
            }
            else
            {
                environment["last_deployment"] = null;
            }

            environment["cluster_agent"] = null;
            return ApiResults.Json(environment);
        });
    }
}
