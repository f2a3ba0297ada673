using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Project members with access levels (10 guest … 40 maintainer, 50 owner); the sandbox has no groups, so "all" equals direct.</summary>
internal static class MemberEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/members", List);
        project.MapGet("/members/all", List);
        project.MapGet("/members/{userId:long}", Get);
        project.MapGet("/members/all/{userId:long}", Get);
    }

    private static IResult List(HttpContext http, string id, SandboxContext sb) =>
        sb.FindProject(id) is { } p
            ? Paging.Page(http, sb.Store.List(Kinds.Member, p.Long("id"))
                .Where(m => http.Request.Query["query"].Count == 0 || m.Str("username").Contains(http.Request.Query["query"].ToString(), StringComparison.OrdinalIgnoreCase))
                .ToList<JsonNode?>())
            : ApiResults.NotFound("Project");

    private static IResult Get(string id, long userId, SandboxContext sb) =>
        sb.FindProject(id) is { } p && sb.Store.List(Kinds.Member, p.Long("id")).FirstOrDefault(m => m.Long("id") == userId) is { } member
            ? ApiResults.Json(member)
            : ApiResults.NotFound(sb.FindProject(id) is null ? "Project" : "Member");

    /// <summary>Adds (or changes) a member; the member row's id is the user's id, as in GitLab.</summary>
    public static JsonObject Add(SandboxContext sb, JsonObject project, JsonObject user, int accessLevel)
    {
        var member = Shapes.UserBasic(user);
        member["access_level"] = accessLevel;
        member["created_at"] = sb.Now.Iso();
        member["expires_at"] = null;
        member["email"] = user.Str("email");
        member["membership_state"] = "active";
        // Member rows are keyed per project so a user can belong to several projects.
        var key = (project.Long("id") * 1_000_000) + user.Long("id");
        sb.Store.Write(tx =>
        {
            tx.Put(Kinds.Member, key, project.Long("id"), member);
            return 0;
        });
        return member;
    }
}
