using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Commits: list, get, diff and create with multiple file actions.</summary>
internal static class CommitEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/repository/commits", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.FindProject(id) is not { } p)
            {
                return ApiResults.NotFound("Project");
            }

            var q = http.Request.Query;
            var repo = sb.Repository(p);
            var reference = q["ref_name"].ToString() is { Length: > 0 } r ? r : p.Str("default_branch");
            if (await repo.ResolveAsync(reference, ct) is null)
            {
                return ApiResults.NotFound("Commit");
            }

            var (page, perPage) = Paging.Read(http.Request);
            var commits = await repo.LogAsync(reference, q["path"], ParseTime(q["since"]), ParseTime(q["until"]), (page - 1) * perPage, perPage + 1, ct, q["first_parent"] == "true");
            var url = sb.ProjectUrl(p);
            var shaped = new List<JsonNode?>();
            foreach (var commit in commits)
            {
                var json = Shapes.Commit(commit, url);
                if (q["with_stats"] == "true")
                {
                    json["stats"] = Shapes.Stats(await repo.StatsAsync(commit.Id, ct));
                }

                shaped.Add(json);
            }

            return Paging.PageWithoutTotal(http, shaped, page, perPage);
        });

        project.MapGet("/repository/commits/{sha}", async (string id, string sha, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.FindProject(id) is not { } p)
            {
                return ApiResults.NotFound("Project");
            }

            var repo = sb.Repository(p);
            if (await repo.GetCommitAsync(Uri.UnescapeDataString(sha), ct) is not { } commit)
            {
                return ApiResults.NotFound("Commit");
            }

            return ApiResults.Json(await DetailedAsync(sb, p, repo, commit, ct));
        });

        project.MapGet("/repository/commits/{sha}/diff", async (HttpContext http, string id, string sha, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.FindProject(id) is not { } p)
            {
                return ApiResults.NotFound("Project");
            }

            var repo = sb.Repository(p);
            if (await repo.ResolveAsync(Uri.UnescapeDataString(sha), ct) is not { } resolved)
            {
                return ApiResults.NotFound("Commit");
            }

            var diffs = await repo.DiffAsync(null, resolved, ct);
            return Paging.Page(http, diffs.Select(d => (JsonNode?)Shapes.Diff(d)).ToList());
        });

        project.MapPost("/repository/commits", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            if (sb.FindProject(id) is not { } p)
            {
                return ApiResults.NotFound("Project");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var branch = RequestParams.Required(body, "branch");
            var message = RequestParams.Required(body, "commit_message");
            if (body["actions"] is not JsonArray { Count: > 0 } actionsJson)
            {
                return ApiResults.BadRequest("400 (Bad request) \"actions\" not given");
            }

            var actions = actionsJson.OfType<JsonObject>().Select(a => new GitFileAction(
                a.Str("action"), RequestParams.Required(a, "file_path"), a.OptStr("previous_path"), a.OptStr("content"), a.OptStr("encoding"), a.Bool("execute_filemode"))).ToList();
            var user = http.CurrentUser();
            var identity = new GitIdentity(body.OptStr("author_name") ?? user.Str("name"), body.OptStr("author_email") ?? user.Str("email"), sb.Now);
            var repo = sb.Repository(p);
            var sha = await repo.CommitActionsAsync(branch, body.OptStr("start_branch") ?? body.OptStr("start_sha"), message, actions, identity, ct);
            var commit = await repo.GetCommitAsync(sha, ct);
            var json = Shapes.Commit(commit!, sb.ProjectUrl(p));
            json["stats"] = Shapes.Stats(await repo.StatsAsync(sha, ct));
            json["status"] = null;
            return ApiResults.Created(json);
        });

        PickEndpoints.Map(project);
    }

    public static async Task<JsonObject> DetailedAsync(SandboxContext sb, JsonObject project, GitRepository repo, GitCommit commit, CancellationToken ct)
    {
        var json = Shapes.Commit(commit, sb.ProjectUrl(project));
        var pipeline = sb.Store.List(Kinds.Pipeline, project.Long("id")).LastOrDefault(x => x.Str("sha") == commit.Id);
        json["last_pipeline"] = pipeline is null ? null : new JsonObject
        {
            ["id"] = pipeline.Long("id"),
            ["ref"] = pipeline.Str("ref"),
            ["sha"] = pipeline.Str("sha"),
            ["status"] = pipeline.Str("status"),
        };
        json["stats"] = Shapes.Stats(await repo.StatsAsync(commit.Id, ct));
        json["status"] = pipeline?.Str("status");
        json["project_id"] = project.Long("id");
        return json;
    }

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
