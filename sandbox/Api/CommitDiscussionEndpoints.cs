using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

/// <summary>
/// Commit discussions (GitLab's discussions API for commits): list, start one (an individual note), and edit its note.
/// Unlike commit comments, a discussion note can be edited, so a re-run updates instead of posting again.
/// </summary>
internal static class CommitDiscussionEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/repository/commits/{sha}/discussions", (HttpContext http, string id, string sha, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);
            var list = Of(sb, p, sha).OrderBy(d => d.Long("_seq")).Select(d => (JsonNode?)Public(d)).ToList();
            return Paging.Page(http, list);
        });

        project.MapPost("/repository/commits/{sha}/discussions", async (HttpContext http, string id, string sha, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (await sb.Repository(p).GetCommitAsync(sha, ct) is not { } commit)
            {
                return ApiResults.NotFound("Commit");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var text = RequestParams.Required(body, "body");
            var author = http.CurrentUser();
            var now = sb.Now.Iso();
            var discussion = sb.Store.Write(tx =>
            {
                var seq = tx.Next(Kinds.Discussion);
                var noteId = tx.Next(Kinds.Note);
                var discussion = new JsonObject
                {
                    ["id"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"{p.Long("id")}:{commit.Id}:{seq}"))),
                    ["individual_note"] = true,
                    ["notes"] = new JsonArray(new JsonObject
                    {
                        ["id"] = noteId,
                        ["type"] = null,
                        ["body"] = text,
                        ["attachment"] = null,
                        ["author"] = Shapes.UserBasic(author),
                        ["created_at"] = now,
                        ["updated_at"] = now,
                        ["system"] = false,
                        ["noteable_id"] = null,
                        ["noteable_type"] = "Commit",
                        ["project_id"] = p.Long("id"),
                        ["resolvable"] = false,
                        ["noteable_iid"] = null,
                    }),
                    ["_seq"] = seq,
                    ["_sha"] = commit.Id,
                };
                tx.Put(Kinds.Discussion, seq, p.Long("id"), discussion);
                return discussion;
            });
            return ApiResults.Created(Public(discussion));
        });

        project.MapPut("/repository/commits/{sha}/discussions/{discussionId}/notes/{noteId:long}", async (HttpContext http, string id, string sha, string discussionId, long noteId, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (Of(sb, p, sha).FirstOrDefault(d => d.Str("id") == discussionId) is not { } discussion)
            {
                return ApiResults.NotFound("Discussion");
            }

            if (discussion["notes"]!.AsArray().OfType<JsonObject>().FirstOrDefault(n => n.Long("id") == noteId) is not { } note)
            {
                return ApiResults.NotFound("Note");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            note["body"] = RequestParams.Required(body, "body");
            note["updated_at"] = sb.Now.Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.Discussion, discussion.Long("_seq"), p.Long("id"), discussion);
                return 0;
            });
            return ApiResults.Json(note);
        });
    }

    private static IEnumerable<JsonObject> Of(SandboxContext sb, JsonObject project, string sha) =>
        sb.Store.List(Kinds.Discussion, project.Long("id")).Where(d => d.Str("_sha").StartsWith(sha, StringComparison.OrdinalIgnoreCase) && sha.Length >= 7);

    private static JsonObject Public(JsonObject discussion)
    {
        var copy = discussion.Clone();
        copy.Remove("_seq");
        copy.Remove("_sha");
        return copy;
    }

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
