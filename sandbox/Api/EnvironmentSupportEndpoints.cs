using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>
/// What environment-branch work needs beyond the rest: a group's projects, the merge base of two refs, and
/// updating a merge request's title and description (GitLab's shapes and refusals).
/// </summary>
internal static class EnvironmentSupportEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder project)
    {
        api.MapGet("/groups/{id}/projects", (HttpContext http, string id, SandboxContext sb) =>
        {
            var group = Uri.UnescapeDataString(id).Trim('/');
            var subgroups = http.Request.Query["include_subgroups"] == "true";
            var projects = sb.Store.List(Kinds.Project)
                .Where(p => p.Str("path_with_namespace") is var path && path.LastIndexOf('/') is var slash && slash > 0
                    && (path[..slash] == group || (subgroups && path.StartsWith(group + "/", StringComparison.Ordinal))))
                .ToList<JsonNode?>();
            return projects.Count == 0 && !sb.Store.List(Kinds.Project).Any(p => p.Str("path_with_namespace").StartsWith(group + "/", StringComparison.Ordinal))
                ? ApiResults.NotFound("Group")
                : Paging.Page(http, projects);
        });

        project.MapGet("/repository/merge_base", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            var refs = http.Request.Query["refs[]"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).ToList();
            if (refs.Count < 2)
            {
                return ApiResults.BadRequest("Provide at least 2 refs");
            }

            var repo = sb.Repository(p);
            var shas = new List<string>();
            foreach (var r in refs)
            {
                if (await repo.ResolveAsync(r, ct) is not { } sha)
                {
                    return ApiResults.NotFound($"Commit for ref {r}");
                }

                shas.Add(sha);
            }

            var merged = shas[0];
            foreach (var sha in shas.Skip(1))
            {
                merged = await repo.MergeBaseAsync(merged, sha, ct);
            }

            var commit = await repo.GetCommitAsync(merged, ct);
            return ApiResults.Json(Shapes.Commit(commit!, sb.ProjectUrl(p)));
        });

        project.MapPut("/merge_requests/{iid:long}", async (HttpContext http, string id, long iid, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (sb.Store.List(Kinds.MergeRequest, p.Long("id")).FirstOrDefault(m => m.Long("iid") == iid) is not { } mr)
            {
                return ApiResults.NotFound("Merge Request");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            mr["title"] = body.OptStr("title") ?? mr.Str("title");
            mr["description"] = body.OptStr("description") ?? mr.OptStr("description");
            mr["draft"] = MergeRequestEndpoints.IsDraftTitle(mr.Str("title"));
            if (body.OptStr("state_event") == "close")
            {
                mr["state"] = "closed";
                mr["closed_at"] = sb.Now.Iso();
            }

            mr["updated_at"] = sb.Now.Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.MergeRequest, mr.Long("id"), p.Long("id"), mr);
                return 0;
            });
            return ApiResults.Json(mr);
        });
    }
}
