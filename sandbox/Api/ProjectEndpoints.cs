using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Projects: get and list, and the one place a project (store row + bare repository) is created.</summary>
internal static class ProjectEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/projects", (HttpContext http, SandboxContext sb) => Paging.Page(http, sb.Store.List(Kinds.Project).ToList<JsonNode?>()));
        api.MapGet("/projects/{id}", (string id, SandboxContext sb) => sb.FindProject(id) is { } p ? ApiResults.Json(p) : ApiResults.NotFound("Project"));
        api.MapGet("/user", (HttpContext http) => ApiResults.Json(http.CurrentUser()));

        // GET /users?username=: GitLab matches the username exactly (case-insensitively) and answers a list of zero or one.
        api.MapGet("/users", (HttpContext http, SandboxContext sb) =>
        {
            var username = http.Request.Query["username"].ToString();
            var users = sb.Store.List(Kinds.User)
                .Where(u => username.Length == 0 || string.Equals(u.Str("username"), username, StringComparison.OrdinalIgnoreCase))
                .Select(u => (JsonNode?)Shapes.UserBasic(u))
                .ToList();
            return Paging.Page(http, users);
        });
    }

    /// <summary>Registers a project over an existing bare repository under the data folder.</summary>
    public static async Task<JsonObject> CreateAsync(SandboxContext sb, string pathWithNamespace, string description, CancellationToken cancellationToken)
    {
        var repo = new GitRepository(SandboxContext.RepositoryPath(sb.DataDirectory, pathWithNamespace));
        var defaultBranch = await repo.DefaultBranchAsync(cancellationToken);
        var slash = pathWithNamespace.LastIndexOf('/');
        var ns = slash > 0 ? pathWithNamespace[..slash] : "root";
        var path = pathWithNamespace[(slash + 1)..];
        var web = $"{sb.BaseUrl}/{pathWithNamespace}";
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.Project);
            var project = new JsonObject
            {
                ["id"] = id,
                ["description"] = description,
                ["name"] = path,
                ["name_with_namespace"] = $"{ns} / {path}",
                ["path"] = path,
                ["path_with_namespace"] = pathWithNamespace,
                ["created_at"] = sb.Now.Iso(),
                ["default_branch"] = defaultBranch,
                ["ssh_url_to_repo"] = $"git@{new Uri(sb.BaseUrl).Host}:{pathWithNamespace}.git",
                ["http_url_to_repo"] = $"{web}.git",
                ["web_url"] = web,
                ["visibility"] = "private",
                ["namespace"] = new JsonObject { ["id"] = id, ["name"] = ns, ["path"] = ns, ["kind"] = "group", ["full_path"] = ns },
            };
            tx.Put(Kinds.Project, id, id, project);
            return project;
        });
    }
}
