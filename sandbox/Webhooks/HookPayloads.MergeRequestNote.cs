using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;

namespace RagnarokOps.Sandbox.Webhooks;

internal static partial class HookPayloads
{
    /// <summary>
    /// A Note Hook for a comment on a merge request: GitLab's "Comment on a merge request" payload (noteable_type
    /// MergeRequest, a <c>merge_request</c> object instead of <c>issue</c>; GitLab sends no labels there).
    /// </summary>
    public static JsonObject MergeRequestNote(SandboxContext sb, JsonObject project, JsonObject mr, JsonObject note, JsonObject user, string action) => new()
    {
        ["object_kind"] = "note",
        ["event_type"] = "note",
        ["user"] = Shapes.UserForHook(user),
        ["project_id"] = project.Long("id"),
        ["project"] = Shapes.HookProject(project, sb.BaseUrl),
        ["repository"] = Shapes.HookRepository(project, sb.BaseUrl),
        ["object_attributes"] = new JsonObject
        {
            ["id"] = note.Long("id"),
            ["note"] = note.Str("body"),
            ["noteable_type"] = "MergeRequest",
            ["author_id"] = note["author"]!.AsObject().Long("id"),
            ["created_at"] = HookTime(note.Str("created_at")),
            ["updated_at"] = HookTime(note.Str("updated_at")),
            ["project_id"] = project.Long("id"),
            ["attachment"] = null,
            ["line_code"] = null,
            ["commit_id"] = string.Empty,
            ["noteable_id"] = mr.Long("id"),
            ["system"] = false,
            ["st_diff"] = null,
            ["action"] = action,
            ["url"] = $"{mr.Str("web_url")}#note_{note.Long("id")}",
        },
        ["merge_request"] = new JsonObject
        {
            ["id"] = mr.Long("id"),
            ["iid"] = mr.Long("iid"),
            ["target_branch"] = mr.Str("target_branch"),
            ["source_branch"] = mr.Str("source_branch"),
            ["source_project_id"] = project.Long("id"),
            ["target_project_id"] = project.Long("id"),
            ["author_id"] = mr["author"]?.AsObject().Long("id"),
            ["title"] = mr.Str("title"),
            ["created_at"] = HookTime(mr.Str("created_at")),
            ["updated_at"] = HookTime(mr.Str("updated_at")),
            ["state"] = mr.Str("state"),
            ["merge_status"] = mr.OptStr("merge_status"),
            ["description"] = mr.OptStr("description"),
            ["work_in_progress"] = mr["work_in_progress"]?.DeepClone(),
        },
    };
}
