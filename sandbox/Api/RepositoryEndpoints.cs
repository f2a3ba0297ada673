using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Repository files (raw and metadata), tree, branches and compare, read from git.</summary>
internal static class RepositoryEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/repository/files/{filePath}/raw", async (HttpContext http, string id, string filePath, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var file = await sb.Repository(p).ReadFileAsync(RefOrDefault(http, p), Uri.UnescapeDataString(filePath), ct);
            return file is null ? ApiResults.NotFound("File") : Results.Text(file.Content, "text/plain", Encoding.UTF8);
        });

        project.MapGet("/repository/files/{filePath}", async (HttpContext http, string id, string filePath, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            if (http.Request.Query["ref"].ToString() is not { Length: > 0 } reference)
            {
                return ApiResults.BadRequest("400 (Bad request) \"ref\" not given");
            }

            var path = Uri.UnescapeDataString(filePath);
            var file = await sb.Repository(p).ReadFileAsync(reference, path, ct);
            if (file is null)
            {
                return ApiResults.NotFound("File");
            }

            var bytes = Encoding.UTF8.GetBytes(file.Content);
            return ApiResults.Json(new JsonObject
            {
                ["file_name"] = Path.GetFileName(path),
                ["file_path"] = path,
                ["size"] = bytes.Length,
                ["encoding"] = "base64",
                ["content"] = Convert.ToBase64String(bytes),
                ["content_sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                ["ref"] = reference,
                ["blob_id"] = file.BlobId,
                ["commit_id"] = file.CommitId,
                ["last_commit_id"] = file.LastCommitId,
                ["execute_filemode"] = file.Mode == "100755",
            });
        });

        project.MapGet("/repository/tree", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var repo = sb.Repository(p);
            var reference = RefOrDefault(http, p);
            if (await repo.ResolveAsync(reference, ct) is null)
            {
                return ApiResults.NotFound("Tree");
            }

            var recursive = http.Request.Query["recursive"] == "true";
            var entries = await repo.TreeAsync(reference, http.Request.Query["path"], recursive, ct);
            return Paging.Page(http, entries.Select(e => (JsonNode?)new JsonObject
            {
                ["id"] = e.Id,
                ["name"] = e.Name,
                ["type"] = e.Type,
                ["path"] = e.Path,
                ["mode"] = e.Mode,
            }).ToList());
        });

        project.MapGet("/repository/compare", async (HttpContext http, string id, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);

            var repo = sb.Repository(p);
            var from = await repo.ResolveAsync(http.Request.Query["from"].ToString(), ct);
            var to = await repo.ResolveAsync(http.Request.Query["to"].ToString(), ct);
            if (from is null || to is null)
            {
                return ApiResults.NotFound("Ref");
            }

            var straight = http.Request.Query["straight"] == "true";
            var baseSha = straight ? from : await repo.MergeBaseAsync(from, to, ct);
            var commits = await repo.CommitsBetweenAsync(baseSha, to, ct);
            var diffs = await repo.DiffAsync(baseSha, to, ct);
            var url = sb.ProjectUrl(p);
            return ApiResults.Json(new JsonObject
            {
                ["commit"] = commits.Count == 0 ? null : Shapes.Commit(commits[^1], url),
                ["commits"] = commits.Select(c => (JsonNode?)Shapes.Commit(c, url)).ToJsonArray(),
                ["diffs"] = diffs.Select(d => (JsonNode?)Shapes.Diff(d)).ToJsonArray(),
                ["compare_timeout"] = false,
                ["compare_same_ref"] = from == to,
                ["web_url"] = $"{url}/-/compare/{from}...{to}",
            });
        });

        BranchEndpoints.Map(project);
    }

    public static string RefOrDefault(HttpContext http, JsonObject project) =>
        http.Request.Query["ref"].ToString() is { Length: > 0 } r ? r : project.Str("default_branch");
}
