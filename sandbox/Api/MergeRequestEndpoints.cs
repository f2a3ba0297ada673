using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Merge requests: create (draft by flag or "Draft:" title), get, list by source branch.</summary>
internal static class MergeRequestEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/merge_requests", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var list = sb.Store.List(Kinds.MergeRequest, p.Long("id"))
                .Where(m => q["source_branch"].Count == 0 || m.Str("source_branch") == q["source_branch"])
                .Where(m => q["target_branch"].Count == 0 || m.Str("target_branch") == q["target_branch"])
                .Where(m => q["state"].Count == 0 || q["state"] == "all" || m.Str("state") == q["state"])
                .OrderByDescending(m => m.Long("id"))
                .ToList<JsonNode?>();
            return Paging.Page(http, list);
        });

        project.MapGet("/merge_requests/{iid:long}", (string id, long iid, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var mr = sb.Store.List(Kinds.MergeRequest, p.Long("id")).FirstOrDefault(m => m.Long("iid") == iid);
            return mr is null ? ApiResults.NotFound("Merge Request") : ApiResults.Json(mr);
        });

        // GitLab's "Get single merge request commits": the commits the merge request brings, newest first, paginated.
        // An open one follows its source branch (from the merge base with the target); a merged or closed one keeps its diff_refs.
        project.MapGet("/merge_requests/{iid:long}/commits", async (HttpContext http, string id, long iid, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (sb.Store.List(Kinds.MergeRequest, p.Long("id")).FirstOrDefault(m => m.Long("iid") == iid) is not { } mr)
            {
                return ApiResults.NotFound("Merge Request");
            }

            var repo = sb.Repository(p);
            var refs = mr["diff_refs"]?.AsObject();
            var head = mr.Str("state") == "opened" ? await repo.ResolveAsync(mr.Str("source_branch"), ct) : null;
            var target = head is null ? null : await repo.ResolveAsync(mr.Str("target_branch"), ct);
            var (from, to) = head is not null && target is not null
                ? (await repo.MergeBaseAsync(target, head, ct), head)
                : (refs?.OptStr("base_sha"), refs?.OptStr("head_sha"));
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
            {
                return Paging.Page(http, []);
            }

            var url = sb.ProjectUrl(p);
            var commits = (await repo.CommitsBetweenAsync(from, to, ct)).Reverse().Select(c => (JsonNode?)Shapes.Commit(c, url)).ToList();
            return Paging.Page(http, commits);
        });

        project.MapPost("/merge_requests", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var source = RequestParams.Required(body, "source_branch");
            var target = RequestParams.Required(body, "target_branch");
            var title = RequestParams.Required(body, "title");
            var repo = sb.Repository(p);
            var head = await repo.ResolveAsync($"refs/heads/{source}", ct);
            var targetSha = await repo.ResolveAsync($"refs/heads/{target}", ct);
            if (head is null || targetSha is null)
            {
                return ApiResults.NotFound(head is null ? "Source branch" : "Target branch");
            }

            var open = sb.Store.List(Kinds.MergeRequest, p.Long("id")).FirstOrDefault(m => m.Str("state") == "opened" && m.Str("source_branch") == source && m.Str("target_branch") == target);
            if (open is not null)
            {
                return ApiResults.Json(new JsonObject { ["message"] = new JsonArray($"Another open merge request already exists for this source branch: !{open.Long("iid")}") }, StatusCodes.Status409Conflict);
            }

            if (body.Bool("draft") == true && !IsDraftTitle(title))
            {
                title = "Draft: " + title;
            }

            var baseSha = await repo.MergeBaseAsync(targetSha, head, ct);
            var changes = await repo.DiffAsync(baseSha, head, ct);
            var mr = Create(sb, p, http.CurrentUser(), title, body.OptStr("description"), source, target, RequestParams.Labels(body, "labels") ?? [],
                head, baseSha, targetSha, changes.Count, body.Bool("remove_source_branch") ?? false);
            var lastCommit = await repo.GetCommitAsync(head, ct);
            sb.Hooks.Raise(p.Long("id"), HookEvents.MergeRequests, HookPayloads.MergeRequest(sb, p, mr, lastCommit!, http.CurrentUser(), "open"));
            return ApiResults.Created(mr);
        });
    }

    public static bool IsDraftTitle(string title) =>
        title.StartsWith("Draft:", StringComparison.OrdinalIgnoreCase) || title.StartsWith("[Draft]", StringComparison.OrdinalIgnoreCase) || title.StartsWith("(Draft)", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Create(
        SandboxContext sb, JsonObject project, JsonObject author, string title, string? description, string source, string target, IReadOnlyList<string> labels,
        string head, string baseSha, string targetSha, int changesCount, bool removeSource)
    {
        IssueEndpoints.EnsureLabels(sb, project, labels);
        var projectId = project.Long("id");
        var now = sb.Now.Iso();
        var path = project.Str("path_with_namespace");
        var draft = IsDraftTitle(title);
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.MergeRequest);
            var iid = tx.Next($"{Kinds.MergeRequest}:{projectId}");
            var mr = new JsonObject
            {
                ["id"] = id,
                ["iid"] = iid,
                ["project_id"] = projectId,
                ["title"] = title,
                ["description"] = description,
                ["state"] = "opened",
                ["imported"] = false,
                ["imported_from"] = "none",
                ["created_at"] = now,
                ["updated_at"] = now,
                ["target_branch"] = target,
                ["source_branch"] = source,
                ["upvotes"] = 0,
                ["downvotes"] = 0,
                ["author"] = Shapes.UserBasic(author),
                ["assignee"] = null,
                ["assignees"] = new JsonArray(),
                ["reviewers"] = new JsonArray(),
                ["source_project_id"] = projectId,
                ["target_project_id"] = projectId,
                ["labels"] = IssueEndpoints.Sorted(labels).Strings(),
                ["draft"] = draft,
                ["work_in_progress"] = draft,
                ["milestone"] = null,
                ["merge_when_pipeline_succeeds"] = false,
                ["merge_status"] = "can_be_merged",
                ["detailed_merge_status"] = draft ? "draft_status" : "mergeable",
                ["merge_error"] = null,
                ["sha"] = head,
                ["merge_commit_sha"] = null,
                ["squash_commit_sha"] = null,
                ["user_notes_count"] = 0,
                ["discussion_locked"] = null,
                ["should_remove_source_branch"] = removeSource,
                ["force_remove_source_branch"] = removeSource,
                ["allow_collaboration"] = false,
                ["allow_maintainer_to_push"] = false,
                ["web_url"] = $"{sb.BaseUrl}/{path}/-/merge_requests/{iid}",
                ["references"] = new JsonObject { ["short"] = $"!{iid}", ["relative"] = $"!{iid}", ["full"] = $"{path}!{iid}" },
                ["time_stats"] = new JsonObject { ["time_estimate"] = 0, ["total_time_spent"] = 0, ["human_time_estimate"] = null, ["human_total_time_spent"] = null },
                ["squash"] = false,
                ["subscribed"] = false,
                ["changes_count"] = changesCount.ToString(CultureInfo.InvariantCulture),
                ["merged_by"] = null,
                ["merge_user"] = null,
                ["merged_at"] = null,
                ["merge_after"] = null,
                ["prepared_at"] = now,
                ["closed_by"] = null,
                ["closed_at"] = null,
                ["latest_build_started_at"] = null,
                ["latest_build_finished_at"] = null,
                ["first_deployed_to_production_at"] = null,
                ["pipeline"] = null,
                ["diff_refs"] = new JsonObject { ["base_sha"] = baseSha, ["head_sha"] = head, ["start_sha"] = targetSha },
                ["diverged_commits_count"] = 0,
                ["task_completion_status"] = new JsonObject { ["count"] = 0, ["completed_count"] = 0 },
            };
            tx.Put(Kinds.MergeRequest, id, projectId, mr);
            return mr;
        });
    }
}
