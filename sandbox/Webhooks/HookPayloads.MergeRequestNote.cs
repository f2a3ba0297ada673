using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;

namespace RagnarokOps.Sandbox.Webhooks;

internal static partial class HookPayloads
{
    /// <summary>
    /// A Note Hook for a comment on a merge request: GitLab's "Comment on a merge request" payload (noteable_type
    /// MergeRequest, a <c>merge_request</c> object instead of <c>issue</c>; GitLab sends no labels there).
    /// </summary>
    public static JsonObject MergeRequestNote(SandboxContext sb, JsonObject project, JsonObject mr, JsonObject note, JsonObject user, string action) =>
        NoteHook(sb, project, note, user, action, "MergeRequest", mr, "merge_request", new JsonObject
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
        });
}
