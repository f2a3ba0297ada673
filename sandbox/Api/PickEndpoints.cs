using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Cherry-pick and revert, with <c>dry_run</c> and GitLab's <c>error_code</c> failures.</summary>
internal static class PickEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapPost("/repository/commits/{sha}/cherry_pick", (HttpContext http, string id, string sha, SandboxContext sb, CancellationToken ct) =>
            PickAsync(http, id, sha, sb, "cherry-pick", ct));
        project.MapPost("/repository/commits/{sha}/revert", (HttpContext http, string id, string sha, SandboxContext sb, CancellationToken ct) =>
            PickAsync(http, id, sha, sb, "revert", ct));
    }

    private static async Task<IResult> PickAsync(HttpContext http, string id, string sha, SandboxContext sb, string verb, CancellationToken ct)
    {
        var p = sb.RequireProject(id);

        var body = await RequestParams.ReadAsync(http.Request, ct);
        var branch = RequestParams.Required(body, "branch");
        var repo = sb.Repository(p);
        if (await repo.ResolveAsync(Uri.UnescapeDataString(sha), ct) is not { } commit)
        {
            return ApiResults.NotFound("Commit");
        }

        if (await repo.ResolveAsync($"refs/heads/{branch}", ct) is null)
        {
            return ApiResults.NotFound("Branch");
        }

        var user = http.CurrentUser();
        var identity = new GitIdentity(user.Str("name"), user.Str("email"), sb.Now);
        var dryRun = body.Bool("dry_run") == true;
        var result = verb == "revert"
            ? await repo.RevertAsync(commit, branch, dryRun, identity, ct)
            : await repo.CherryPickAsync(commit, branch, dryRun, identity, ct);
        switch (result.Outcome)
        {
            case PickOutcome.DryRunSuccess:
                return ApiResults.Json(new JsonObject { ["dry_run"] = "success" });
            case PickOutcome.Committed:
                var created = await repo.GetCommitAsync(result.CommitId!, ct);
                return ApiResults.Created(Shapes.Commit(created!, sb.ProjectUrl(p)));
            default:
                var past = verb == "revert" ? "reverted" : "cherry-picked";
                var error = new JsonObject
                {
                    ["message"] = $"Sorry, we cannot {verb} this commit automatically. This commit may already have been {past}, or a more recent commit may have updated some of its content.",
                    ["error_code"] = result.Outcome == PickOutcome.Conflict ? "conflict" : "empty",
                };
                if (dryRun)
                {
                    error["dry_run"] = "error";
                }

                return ApiResults.Json(error, StatusCodes.Status400BadRequest);
        }
    }
}
