using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Project labels: list and create.</summary>
internal static class LabelEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/labels", (HttpContext http, string id, SandboxContext sb) =>
            sb.FindProject(id) is { } p
                ? Paging.Page(http, sb.Store.List(Kinds.Label, p.Long("id")).Select(l => (JsonNode?)WithCounts(sb, p, l)).ToList())
                : ApiResults.NotFound("Project"));

        project.MapPost("/labels", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var name = RequestParams.Required(body, "name");
            var color = RequestParams.Required(body, "color");
            if (sb.Store.List(Kinds.Label, p.Long("id")).Any(l => string.Equals(l.Str("name"), name, StringComparison.OrdinalIgnoreCase)))
            {
                return ApiResults.Message(StatusCodes.Status409Conflict, "Label already exists");
            }

            return ApiResults.Created(WithCounts(sb, p, Create(sb, p, name, color, body.OptStr("description"))));
        });
    }

    public static JsonObject Create(SandboxContext sb, JsonObject project, string name, string color, string? description)
    {
        var projectId = project.Long("id");
        var now = sb.Now.Iso();
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.Label);
            var label = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["color"] = color,
                ["text_color"] = "#FFFFFF",
                ["description"] = description,
                ["description_html"] = description ?? string.Empty,
                ["open_issues_count"] = 0,
                ["closed_issues_count"] = 0,
                ["open_merge_requests_count"] = 0,
                ["subscribed"] = false,
                ["priority"] = null,
                ["is_project_label"] = true,
                ["created_at"] = now,
                ["updated_at"] = now,
            };
            tx.Put(Kinds.Label, id, projectId, label);
            return label;
        });
    }

    /// <summary>The label object issue and MR hooks carry.</summary>
    public static JsonArray ForHook(SandboxContext sb, JsonObject project, IEnumerable<string> names)
    {
        var labels = sb.Store.List(Kinds.Label, project.Long("id"));
        return names
            .Select(n => labels.FirstOrDefault(l => string.Equals(l.Str("name"), n, StringComparison.OrdinalIgnoreCase)))
            .OfType<JsonObject>()
            .Select(l => (JsonNode?)new JsonObject
            {
                ["id"] = l.Long("id"),
                ["title"] = l.Str("name"),
                ["color"] = l.Str("color"),
                ["project_id"] = project.Long("id"),
                ["created_at"] = l.Str("created_at"),
                ["updated_at"] = l.Str("updated_at"),
                ["template"] = false,
                ["description"] = l.OptStr("description"),
                ["type"] = "ProjectLabel",
                ["group_id"] = null,
            })
            .ToJsonArray();
    }

    private static JsonObject WithCounts(SandboxContext sb, JsonObject project, JsonObject label)
    {
        var issues = sb.Store.List(Kinds.Issue, project.Long("id")).Where(i => i.StringList("labels").Contains(label.Str("name"), StringComparer.OrdinalIgnoreCase)).ToList();
        label["open_issues_count"] = issues.Count(i => i.Str("state") == "opened");
        label["closed_issues_count"] = issues.Count(i => i.Str("state") == "closed");
        return label;
    }
}
