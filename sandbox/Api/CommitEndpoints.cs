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
            var p = sb.RequireProject(id);

            var q = http.Request.Query;
            var repo = sb.Repository(p);
            var reference = q["ref_name"].ToString() is { Length: > 0 } r ? r : p.Str("default_branch");
            if (await repo.ResolveAsync(reference, ct) is null)
            {
                return ApiResults.NotFound("Commit");
            }

            var (page, perPage) = Paging.Read(http.Request);
            var commits = await repo.LogAsync(reference, q["path"], RequestParams.Time(q["since"]), RequestParams.Time(q["until"]), (page - 1) * perPage, perPage + 1, ct, q["first_parent"] == "true");
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
            var p = sb.RequireProject(id);

            var repo = sb.Repository(p);
            if (await repo.GetCommitAsync(Uri.UnescapeDataString(sha), ct) is not { } commit)
            {
                return ApiResults.NotFound("Commit");
            }

            return ApiResults.Json(await DetailedAsync(sb, p, repo, commit, ct));
        });

        project.MapGet("/repository/commits/{sha}/diff", async (HttpContext http, string id, string sha, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

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
            var p = sb.RequireProject(id);

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
            if ((await BranchProblemAsync(repo, branch, body, ct) ?? await StaleFileAsync(repo, branch, body, actionsJson, ct)) is { } problem)
            {
                return ApiResults.BadRequest(problem);
            }

            var sha = await repo.CommitActionsAsync(branch, body.OptStr("start_branch") ?? body.OptStr("start_sha"), message, actions, identity, ct);
            var commit = await repo.GetCommitAsync(sha, ct);
            var json = Shapes.Commit(commit!, sb.ProjectUrl(p));
            json["stats"] = Shapes.Stats(await repo.StatsAsync(sha, ct));
            json["status"] = null;
            return ApiResults.Created(json);
        });

        PickEndpoints.Map(project);
    }

    /// <summary>
    /// GitLab's Commits::CreateService rules: a new branch needs start_branch or start_sha (unless the repository is
    /// empty), and an existing branch cannot be restarted from somewhere else.
    /// </summary>
    private static async Task<string?> BranchProblemAsync(GitRepository repo, string branch, JsonObject body, CancellationToken ct)
    {
        if (body.Bool("force") == true)
        {
            // Overwriting a branch from start_branch is not modelled; refusing beats committing on top silently.
            return "\"force\" is not supported by the sandbox";
        }

        var startBranch = body.OptStr("start_branch");
        var startSha = body.OptStr("start_sha");
        var exists = await repo.ResolveAsync($"refs/heads/{branch}", ct) is not null;
        if (exists)
        {
            var elsewhere = startSha is not null || (startBranch is not null && startBranch != branch);
            return elsewhere
                ? $"A branch called '{branch}' already exists. Switch to that branch in order to make changes"
                : null;
        }

        return startBranch is null && startSha is null && (await repo.BranchesAsync(ct)).Count > 0
            ? "You can only create or edit files when you are on a branch"
            : null;
    }

    /// <summary>
    /// GitLab's optimistic check: an action naming the last_commit_id its author saw is refused when the file
    /// (previous_path for a move) has been changed by a later commit on the branch it starts from.
    /// </summary>
    private static async Task<string?> StaleFileAsync(GitRepository repo, string branch, JsonObject body, JsonArray actions, CancellationToken ct)
    {
        var start = await repo.ResolveAsync($"refs/heads/{branch}", ct) is not null ? branch : body.OptStr("start_branch") ?? body.OptStr("start_sha");
        foreach (var action in actions.OfType<JsonObject>())
        {
            if (start is null || action.OptStr("last_commit_id") is not { Length: > 0 } seen)
            {
                continue;
            }

            var path = action.OptStr("previous_path") ?? action.Str("file_path");
            var last = await repo.LogAsync(start, path, null, null, 0, 1, ct);
            if (last.Count > 0 && !last[0].Id.StartsWith(seen, StringComparison.OrdinalIgnoreCase))
            {
                return $"The file has changed since you started editing it: {path}";
            }
        }

        return null;
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
}
