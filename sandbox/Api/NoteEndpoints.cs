using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Issue notes: list, create, update.</summary>
internal static class NoteEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        project.MapGet("/issues/{iid:long}/notes", (HttpContext http, string id, long iid, SandboxContext sb) =>
        {
            var p = sb.RequireProject(id);
            if (IssueEndpoints.Find(sb, p, iid) is not { } issue)
            {
                return ApiResults.NotFound("Issue");
            }

            var ascending = http.Request.Query["sort"] == "asc";
            var notes = NotesOf(sb, p, issue);
            notes = ascending ? notes.OrderBy(n => n.Long("id")).ToList() : notes.OrderByDescending(n => n.Long("id")).ToList();
            return Paging.Page(http, notes.ToList<JsonNode?>());
        });

        project.MapPost("/issues/{iid:long}/notes", async (HttpContext http, string id, long iid, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (IssueEndpoints.Find(sb, p, iid) is not { } issue)
            {
                return ApiResults.NotFound("Issue");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            var text = RequestParams.Required(body, "body");
            var author = http.CurrentUser();
            var now = sb.Now.Iso();
            var note = sb.Store.Write(tx =>
            {
                var noteId = tx.Next(Kinds.Note);
                var note = new JsonObject
                {
                    ["id"] = noteId,
                    ["body"] = text,
                    ["attachment"] = null,
                    ["author"] = Author(author),
                    ["created_at"] = now,
                    ["updated_at"] = now,
                    ["system"] = false,
                    ["noteable_id"] = issue.Long("id"),
                    ["noteable_type"] = "Issue",
                    ["project_id"] = p.Long("id"),
                    ["noteable_iid"] = iid,
                    ["resolvable"] = false,
                    ["confidential"] = body.Bool("confidential") ?? false,
                    ["internal"] = body.Bool("internal") ?? false,
                    ["imported"] = false,
                    ["imported_from"] = "none",
                };
                tx.Put(Kinds.Note, noteId, p.Long("id"), note);
                issue["user_notes_count"] = issue.Long("user_notes_count") + 1;
                tx.Put(Kinds.Issue, issue.Long("id"), p.Long("id"), issue);
                return note;
            });
            sb.Hooks.Raise(p.Long("id"), HookEvents.Notes, HookPayloads.Note(sb, p, issue, note, author, "create"));
            return ApiResults.Created(note);
        });

        project.MapPut("/issues/{iid:long}/notes/{noteId:long}", async (HttpContext http, string id, long iid, long noteId, SandboxContext sb, CancellationToken ct) =>
        {
            var p = sb.RequireProject(id);
            if (IssueEndpoints.Find(sb, p, iid) is not { } issue)
            {
                return ApiResults.NotFound("Issue");
            }

            if (sb.Store.Get(Kinds.Note, noteId) is not { } note || note.Long("noteable_id") != issue.Long("id") || note.Str("noteable_type") != "Issue")
            {
                return ApiResults.NotFound("Note");
            }

            var body = await RequestParams.ReadAsync(http.Request, ct);
            note["body"] = RequestParams.Required(body, "body");
            note["updated_at"] = sb.Now.Iso();
            sb.Store.Write(tx =>
            {
                tx.Put(Kinds.Note, noteId, p.Long("id"), note);
                return 0;
            });
            sb.Hooks.Raise(p.Long("id"), HookEvents.Notes, HookPayloads.Note(sb, p, issue, note, http.CurrentUser(), "update"));
            return ApiResults.Json(note);
        });
    }

    private static List<JsonObject> NotesOf(SandboxContext sb, JsonObject project, JsonObject issue) =>
        sb.Store.List(Kinds.Note, project.Long("id")).Where(n => n.Long("noteable_id") == issue.Long("id") && n.Str("noteable_type") == "Issue").ToList();

    private static JsonObject Author(JsonObject user) => new()
    {
        ["id"] = user.Long("id"),
        ["username"] = user.Str("username"),
        ["email"] = user.Str("email"),
        ["name"] = user.Str("name"),
        ["state"] = user.Str("state"),
        ["created_at"] = user.Str("created_at"),
    };
}
