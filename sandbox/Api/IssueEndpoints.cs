using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Issues: list, get, create, update (labels, title, description, state).</summary>
internal static class IssueEndpoints
{
    /// <summary>The attributes of PUT /issues/:iid of which GitLab wants at least one.</summary>
    private static readonly string[] UpdateKeys =
    [
        "assignee_id", "assignee_ids", "confidential", "created_at", "description", "discussion_locked", "due_date",
        "labels", "add_labels", "remove_labels", "milestone_id", "state_event", "title", "issue_type",
    ];

    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/issues", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var labels = q["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var state = q["state"].ToString();
            var search = q["search"].ToString();
            var issues = sb.Store.List(Kinds.Issue, p.Long("id"))
                .Where(i => state is "" or "all" || i.Str("state") == state)
                .Where(i => labels.All(l => i.StringList("labels").Contains(l, StringComparer.OrdinalIgnoreCase)))
                .Where(i => search.Length == 0 || i.Str("title").Contains(search, StringComparison.OrdinalIgnoreCase) || i.Str("description").Contains(search, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(i => i.Long("id"))
                .ToList<JsonNode?>();
            return Paging.Page(http, issues);
        });

        project.MapGet("/issues/{iid:long}", (string id, long iid, SandboxContext sb) =>
            sb.FindProject(id) is { } p && Find(sb, p, iid) is { } issue ? ApiResults.Json(issue) : ApiResults.NotFound(sb.FindProject(id) is null ? "Project" : "Issue"));

        project.MapPost("/issues", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var title = RequestParams.Required(body, "title");
            var issue = Create(sb, p, http.CurrentUser(), title, body.OptStr("description"), RequestParams.Labels(body, "labels") ?? [], AssigneeIds(body));
            sb.Hooks.Raise(p.Long("id"), HookEvents.Issues, HookPayloads.Issue(sb, p, issue, http.CurrentUser(), "open", null));
            return ApiResults.Created(issue);
        });

        project.MapPut("/issues/{iid:long}", async (HttpContext http, string id, long iid, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (Find(sb, p, iid) is not { } issue)
            {
                return ApiResults.NotFound("Issue");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            if (!UpdateKeys.Any(body.ContainsKey))
            {
                // Grape's at_least_one_of: GitLab refuses an update that names nothing to change, under "error".
                return ApiResults.Json(new JsonObject { ["error"] = $"{string.Join(", ", UpdateKeys)} are missing, at least one parameter must be provided" }, StatusCodes.Status400BadRequest);
            }

            var before = issue.StringList("labels").ToList();
            var labels = RequestParams.Labels(body, "labels") ?? before;
            labels = Sorted(labels.Union(RequestParams.Labels(body, "add_labels") ?? [], StringComparer.OrdinalIgnoreCase)
                .Except(RequestParams.Labels(body, "remove_labels") ?? [], StringComparer.OrdinalIgnoreCase));
            EnsureLabels(sb, p, labels);
            var action = "update";
            issue["labels"] = labels.Strings();
            issue["title"] = body.OptStr("title") ?? issue.Str("title");
            issue["description"] = body.OptStr("description") ?? issue.OptStr("description");
            switch (body.OptStr("state_event"))
            {
                case "close":
                    issue["state"] = "closed";
                    issue["closed_at"] = sb.Now.Iso();
                    action = "close";
                    break;
                case "reopen":
                    issue["state"] = "opened";
                    issue["closed_at"] = null;
                    action = "reopen";
                    break;
            }

            issue["updated_at"] = sb.Now.Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.Issue, issue.Long("id"), p.Long("id"), issue);
                return 0;
            });
            var labelsChanged = !before.SequenceEqual(labels);
            sb.Hooks.Raise(p.Long("id"), HookEvents.Issues, HookPayloads.Issue(sb, p, issue, http.CurrentUser(), action, labelsChanged ? before : null));
            return ApiResults.Json(issue);
        });
    }

    /// <summary>GitLab lists an issuable's labels by title, in byte order, whatever order they were given in.</summary>
    public static List<string> Sorted(IEnumerable<string> labels) =>
        labels.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

    public static JsonObject? Find(SandboxContext sb, JsonObject project, long iid) =>
        sb.Store.List(Kinds.Issue, project.Long("id")).FirstOrDefault(i => i.Long("iid") == iid);

    /// <summary><c>assignee_ids</c> as a JSON array, a form list or a comma list; GitLab ignores ids of unknown users.</summary>
    private static List<long> AssigneeIds(JsonObject body) => body["assignee_ids"] switch
    {
        JsonArray list => list.Select(n => long.TryParse(n?.ToString(), out var v) ? v : 0).Where(v => v > 0).ToList(),
        JsonValue value => value.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => long.TryParse(t, out var v) ? v : 0).Where(v => v > 0).ToList(),
        _ => [],
    };

    public static JsonObject Create(SandboxContext sb, JsonObject project, JsonObject author, string title, string? description, IReadOnlyList<string> labels, IReadOnlyList<long>? assigneeIds = null)
    {
        var assignees = (assigneeIds ?? []).Distinct().Select(sb.FindUser).OfType<JsonObject>().Select(u => (JsonNode?)Shapes.UserBasic(u)).ToList();
        EnsureLabels(sb, project, labels);
        var projectId = project.Long("id");
        var now = sb.Now.Iso();
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.Issue);
            var iid = tx.Next($"{Kinds.Issue}:{projectId}");
            var path = project.Str("path_with_namespace");
            var issue = new JsonObject
            {
                ["id"] = id,
                ["iid"] = iid,
                ["project_id"] = projectId,
                ["title"] = title,
                ["description"] = description,
                ["state"] = "opened",
                ["created_at"] = now,
                ["updated_at"] = now,
                ["closed_at"] = null,
                ["closed_by"] = null,
                ["labels"] = Sorted(labels).Strings(),
                ["milestone"] = null,
                ["assignees"] = new JsonArray([.. assignees]),
                ["author"] = Shapes.UserBasic(author),
                ["type"] = "ISSUE",
                ["assignee"] = assignees.FirstOrDefault()?.DeepClone(),
                ["user_notes_count"] = 0,
                ["merge_requests_count"] = 0,
                ["upvotes"] = 0,
                ["downvotes"] = 0,
                ["due_date"] = null,
                ["confidential"] = false,
                ["discussion_locked"] = null,
                ["issue_type"] = "issue",
                ["web_url"] = $"{sb.BaseUrl}/{path}/-/issues/{iid}",
                ["time_stats"] = new JsonObject { ["time_estimate"] = 0, ["total_time_spent"] = 0, ["human_time_estimate"] = null, ["human_total_time_spent"] = null },
                ["task_completion_status"] = new JsonObject { ["count"] = 0, ["completed_count"] = 0 },
                ["references"] = new JsonObject { ["short"] = $"#{iid}", ["relative"] = $"#{iid}", ["full"] = $"{path}#{iid}" },
                ["severity"] = "UNKNOWN",
            };
            tx.Put(Kinds.Issue, id, projectId, issue);
            return issue;
        });
    }

    /// <summary>GitLab creates a project label the first time an issue names it.</summary>
    public static void EnsureLabels(SandboxContext sb, JsonObject project, IEnumerable<string> names)
    {
        var existing = sb.Store.List(Kinds.Label, project.Long("id")).Select(l => l.Str("name")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Where(n => !existing.Contains(n)))
        {
            LabelEndpoints.Create(sb, project, name, "#6699cc", null);
        }
    }
}
