using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Feature flags: list, get, create, update (an update fires a Feature Flag Hook).</summary>
internal static class FeatureFlagEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/feature_flags", (HttpContext http, string id, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);

            var scope = http.Request.Query["scope"].ToString();
            var list = sb.Store.List(Kinds.FeatureFlag, p.Long("id"))
                .Where(f => scope is "" || (scope == "enabled") == (f.Bool("active") == true))
                .ToList<JsonNode?>();
            return Paging.Page(http, list);
        });

        project.MapGet("/feature_flags/{name}", (string id, string name, SandboxContext sb) =>
            sb.FindProject(id) is { } p && Find(sb, p, name) is { } flag ? ApiResults.Json(flag) : ApiResults.NotFound("Feature Flag"));

        project.MapPost("/feature_flags", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var name = RequestParams.Required(body, "name");
            if (Find(sb, p, name) is not null)
            {
                return ApiResults.BadRequest("Name has already been taken");
            }

            var flag = Create(sb, p, name, body.OptStr("description"), body.Bool("active") ?? true, sb.Now, body["strategies"] as JsonArray);
            return ApiResults.Created(flag);
        });

        project.MapPut("/feature_flags/{name}", async (HttpContext http, string id, string name, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.FindProject(id) is not { } p || Find(sb, p, name) is not { } flag)
            {
                return ApiResults.NotFound("Feature Flag");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            flag["active"] = body.Bool("active") ?? flag.Bool("active");
            flag["description"] = body.OptStr("description") ?? flag.OptStr("description");
            if (body["strategies"] is JsonArray strategies)
            {
                flag["strategies"] = strategies.DeepClone();
            }

            flag["updated_at"] = sb.Now.Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.FeatureFlag, flag.Long("id"), p.Long("id"), flag);
                return 0;
            });
            sb.Hooks.Raise(p.Long("id"), HookEvents.FeatureFlags, HookPayloads.FeatureFlag(sb, p, flag, http.CurrentUser()));
            return ApiResults.Json(flag);
        });
    }

    public static JsonObject? Find(SandboxContext sb, JsonObject project, string name) =>
        sb.Store.List(Kinds.FeatureFlag, project.Long("id")).FirstOrDefault(f => f.Str("name") == Uri.UnescapeDataString(name));

    public static JsonObject Create(SandboxContext sb, JsonObject project, string name, string? description, bool active, DateTimeOffset at, JsonArray? strategies = null) =>
        sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.FeatureFlag);
            var strategyId = tx.Next("feature_flag_strategy");
            var flag = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["description"] = description,
                ["active"] = active,
                ["version"] = "new_version_flag",
                ["created_at"] = at.Iso(),
                ["updated_at"] = at.Iso(),
                ["scopes"] = new JsonArray(),
                ["strategies"] = strategies?.DeepClone() ?? new JsonArray(new JsonObject
                {
                    ["id"] = strategyId,
                    ["name"] = "default",
                    ["parameters"] = new JsonObject(),
                    ["scopes"] = new JsonArray(new JsonObject { ["id"] = strategyId, ["environment_scope"] = "*" }),
                    ["user_list"] = null,
                }),
            };
            tx.Put(Kinds.FeatureFlag, id, project.Long("id"), flag);
            return flag;
        });
}
