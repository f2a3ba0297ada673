using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Project hooks: add, list, delivery log, and resend (which keeps the Idempotency-Key).</summary>
internal static class HookEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/hooks", (HttpContext http, string id, SandboxContext sb) =>
            sb.FindProject(id) is { } p
                ? Paging.Page(http, sb.Store.List(Kinds.Hook, p.Long("id")).Select(h => (JsonNode?)Public(h)).ToList())
                : ApiResults.NotFound("Project"));

        project.MapPost("/hooks", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var url = RequestParams.Required(body, "url");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                return ApiResults.BadRequest("Invalid url given");
            }

            return ApiResults.Created(Public(Add(sb, p, url, body.OptStr("token"), HookEvents.All.Where(e => body.Bool(e.Flag) ?? e == HookEvents.Issues).ToList())));
        });

        project.MapGet("/hooks/{hookId:long}/events", (HttpContext http, string id, long hookId, SandboxContext sb) =>
            sb.FindProject(id) is { } p
                ? Paging.Page(http, sb.Store.List(Kinds.HookEvent, p.Long("id")).Where(e => e.Long("hook_id") == hookId).OrderByDescending(e => e.Long("id")).ToList<JsonNode?>())
                : ApiResults.NotFound("Project"));

        project.MapPost("/hooks/{hookId:long}/events/{eventId:long}/resend", (string id, long hookId, long eventId, SandboxContext sb) =>
        {
            if (sb.FindProject(id) is null)
            {
                return ApiResults.NotFound("Project");
            }

            var resent = sb.Hooks.Resend(hookId, eventId);
            return resent is null ? ApiResults.NotFound("Hook Event") : ApiResults.Created(resent);
        });
    }

    public static JsonObject Add(SandboxContext sb, JsonObject project, string url, string? token, IReadOnlyCollection<HookEvent> events) =>
        sb.Store.Write(tx =>
        {
            var hookId = tx.Next(Kinds.Hook);
            var hook = new JsonObject
            {
                ["id"] = hookId,
                ["url"] = url,
                ["name"] = null,
                ["description"] = null,
                ["project_id"] = project.Long("id"),
                ["push_events"] = false,
                ["enable_ssl_verification"] = true,
                ["created_at"] = sb.Now.Iso(),
                ["token"] = token,
            };
            foreach (var kind in HookEvents.All)
            {
                hook[kind.Flag] = events.Contains(kind);
            }

            tx.Put(Kinds.Hook, hookId, project.Long("id"), hook);
            return hook;
        });

    /// <summary>GitLab never returns a hook's secret token.</summary>
    private static JsonObject Public(JsonObject hook)
    {
        var copy = hook.Clone();
        copy.Remove("token");
        return copy;
    }
}
