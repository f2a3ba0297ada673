using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Merge request notes: list, create, update (GitLab's notes API for merge requests); create and update raise the Note Hook.</summary>
internal static class MergeRequestNoteEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/merge_requests/{iid:long}/notes", (HttpContext http, string id, long iid, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);
            if (Find(sb, p, iid) is not { } mr)
            {
                return ApiResults.NotFound("Merge Request");
            }

            var notes = Of(sb, p, mr).OrderBy(n => n.Long("id")).ToList();
            if (http.Request.Query["sort"] != "asc")
            {
                notes.Reverse();
            }

            return Paging.Page(http, notes.ToList<JsonNode?>());
        });

        project.MapPost("/merge_requests/{iid:long}/notes", async (HttpContext http, string id, long iid, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (Find(sb, p, iid) is not { } mr)
            {
                return ApiResults.NotFound("Merge Request");
            }

            var text = RequestParams.Required(await RequestParams.ReadAsync(http.Request, ct), "body");
            var author = http.CurrentUser();
            var now = sb.Now.Iso();
            var note = sb.Store.Write(tx =>
            {
                var noteId = tx.Next(Kinds.Note);
                var note = new JsonObject
                {
                    ["id"] = noteId,
                    ["body"] = text,
                    ["author"] = Shapes.UserBasic(author),
                    ["created_at"] = now,
                    ["updated_at"] = now,
                    ["system"] = false,
                    ["noteable_id"] = mr.Long("id"),
                    ["noteable_type"] = "MergeRequest",
                    ["project_id"] = p.Long("id"),
                    ["noteable_iid"] = iid,
                    ["resolvable"] = false,
                    ["internal"] = false,
                };
                tx.Put(Kinds.Note, noteId, p.Long("id"), note);
                return note;
            });
            sb.Hooks.Raise(p.Long("id"), HookEvents.Notes, HookPayloads.MergeRequestNote(sb, p, mr, note, author, "create"));
            return ApiResults.Created(note);
        });

        project.MapPut("/merge_requests/{iid:long}/notes/{noteId:long}", async (HttpContext http, string id, long iid, long noteId, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (Find(sb, p, iid) is not { } mr || sb.Store.Get(Kinds.Note, noteId) is not { } note
                || note.Str("noteable_type") != "MergeRequest" || note.Long("noteable_id") != mr.Long("id"))
            {
                return ApiResults.NotFound("Note");
            }

            note["body"] = RequestParams.Required(await RequestParams.ReadAsync(http.Request, ct), "body");
            note["updated_at"] = sb.Now.Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.Note, noteId, p.Long("id"), note);
                return 0;
            });
            sb.Hooks.Raise(p.Long("id"), HookEvents.Notes, HookPayloads.MergeRequestNote(sb, p, mr, note, http.CurrentUser(), "update"));
            return ApiResults.Json(note);
        });
    }

    private static JsonObject? Find(SandboxContext sb, JsonObject project, long iid) =>
        sb.Store.List(Kinds.MergeRequest, project.Long("id")).FirstOrDefault(m => m.Long("iid") == iid);

    private static IEnumerable<JsonObject> Of(SandboxContext sb, JsonObject project, JsonObject mr) =>
        sb.Store.List(Kinds.Note, project.Long("id")).Where(n => n.Str("noteable_type") == "MergeRequest" && n.Long("noteable_id") == mr.Long("id"));
}
