using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Branches: list, get, create.</summary>
internal static class BranchEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/repository/branches", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var search = http.Request.Query["search"].ToString();
            var repo = sb.Repository(p);
            var result = new List<JsonNode?>();
            foreach (var branch in (await repo.BranchesAsync(ct)).Where(b => Matches(b.Name, search)))
            {
                result.Add(await ShapeAsync(sb, p, repo, branch, ct));
            }

            return Paging.Page(http, result);
        });

        project.MapGet("/repository/branches/{branch}", async (string id, string branch, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var repo = sb.Repository(p);
            var name = Uri.UnescapeDataString(branch);
            var found = (await repo.BranchesAsync(ct)).FirstOrDefault(b => b.Name == name);
            return found is null ? ApiResults.NotFound("Branch") : ApiResults.Json(await ShapeAsync(sb, p, repo, found, ct));
        });

        project.MapPost("/repository/branches", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var name = RequestParams.Required(body, "branch");
            var reference = RequestParams.Required(body, "ref");
            var repo = sb.Repository(p);
            if (await repo.ResolveAsync(reference, ct) is not { } sha)
            {
                return ApiResults.BadRequest("Invalid reference name: " + reference);
            }

            if (!await repo.CreateBranchAsync(name, sha, ct))
            {
                return ApiResults.BadRequest("Branch already exists");
            }

            return ApiResults.Created(await ShapeAsync(sb, p, repo, new GitBranch(name, sha), ct));
        });
    }

    /// <summary>GitLab's branch search: a substring, or with ^ a prefix and with $ a suffix.</summary>
    internal static bool Matches(string name, string search)
    {
        var prefix = search.StartsWith('^');
        var suffix = search.EndsWith('$');
        var term = search[(prefix ? 1 : 0)..(search.Length - (suffix && search.Length > (prefix ? 1 : 0) ? 1 : 0))];
        return (prefix, suffix) switch
        {
            (true, true) => name.Equals(term, StringComparison.OrdinalIgnoreCase),
            (true, false) => name.StartsWith(term, StringComparison.OrdinalIgnoreCase),
            (false, true) => name.EndsWith(term, StringComparison.OrdinalIgnoreCase),
            _ => name.Contains(term, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static async Task<JsonObject> ShapeAsync(SandboxContext sb, JsonObject project, GitRepository repo, GitBranch branch, CancellationToken ct)
    {
        var commit = await repo.GetCommitAsync(branch.CommitId, ct);
        var isDefault = branch.Name == project.Str("default_branch");
        var url = sb.ProjectUrl(project);
        return new JsonObject
        {
            ["name"] = branch.Name,
            ["merged"] = !isDefault && await repo.IsAncestorAsync(branch.CommitId, project.Str("default_branch"), ct),
            ["protected"] = isDefault || branch.Name == "production",
            ["default"] = isDefault,
            ["developers_can_push"] = false,
            ["developers_can_merge"] = false,
            ["can_push"] = true,
            ["web_url"] = $"{url}/-/tree/{branch.Name}",
            ["commit"] = Shapes.Commit(commit!, url),
        };
    }
}
