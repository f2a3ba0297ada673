using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Wiki pages: list, get, create, update, keyed by slug.</summary>
internal static class WikiEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/wikis", (string id, SandboxContext sb) =>
            sb.FindProject(id) is { } p
                ? ApiResults.Json(sb.Store.List(Kinds.Wiki, p.Long("id")).Select(w => (JsonNode?)w).ToJsonArray())
                : ApiResults.NotFound("Project"));

        project.MapGet("/wikis/{slug}", (string id, string slug, SandboxContext sb) =>
            sb.FindProject(id) is { } p && Find(sb, p, slug) is { } page ? ApiResults.Json(page) : ApiResults.NotFound("Wiki Page"));

        project.MapPost("/wikis", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var title = RequestParams.Required(body, "title");
            var content = RequestParams.Required(body, "content");
            var slug = Slug(title);
            if (Find(sb, p, slug) is not null)
            {
                return ApiResults.BadRequest("Duplicate page: A page with that title already exists");
            }

            var page = sb.Store.Write(tx =>
            {
                var pageId = tx.Next(Kinds.Wiki);
                var page = Page(pageId, title, slug, content, body.OptStr("format") ?? "markdown");
                tx.Put(Kinds.Wiki, pageId, p.Long("id"), page);
                return page;
            });
            return ApiResults.Created(page);
        });

        project.MapPut("/wikis/{slug}", async (HttpContext http, string id, string slug, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.FindProject(id) is not { } p || Find(sb, p, slug) is not { } page)
            {
                return ApiResults.NotFound("Wiki Page");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var title = body.OptStr("title") ?? page.Str("title");
            var updated = Page(page.Long("_id"), title, Slug(title), body.OptStr("content") ?? page.Str("content"), body.OptStr("format") ?? page.Str("format"));
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.Wiki, page.Long("_id"), p.Long("id"), updated);
                return 0;
            });
            return ApiResults.Json(updated);
        });
    }

    private static JsonObject? Find(SandboxContext sb, JsonObject project, string slug) =>
        sb.Store.List(Kinds.Wiki, project.Long("id")).FirstOrDefault(w => w.Str("slug") == Uri.UnescapeDataString(slug));

    private static string Slug(string title) => title.Trim().Replace(' ', '-');

    private static JsonObject Page(long id, string title, string slug, string content, string format) => new()
    {
        ["content"] = content,
        ["format"] = format,
        ["slug"] = slug,
        ["title"] = title,
        ["encoding"] = "UTF-8",
        ["_id"] = id,
    };
}
