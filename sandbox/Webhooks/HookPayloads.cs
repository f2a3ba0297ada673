using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;

namespace RagnarokOps.Sandbox.Webhooks;

/// <summary>Webhook bodies in the shapes of GitLab's documented payloads (the webhook-*.json fixtures).</summary>
internal static partial class HookPayloads
{
    public static JsonObject Issue(SandboxContext sb, JsonObject project, JsonObject issue, JsonObject user, string action, IReadOnlyList<string>? previousLabels)
    {
        var labels = LabelEndpoints.ForHook(sb, project, issue.StringList("labels"));
        var changes = new JsonObject();
        if (previousLabels is not null)
        {
            changes["labels"] = new JsonObject { ["previous"] = LabelEndpoints.ForHook(sb, project, previousLabels), ["current"] = labels.DeepClone() };
        }

        if (action != "open")
        {
            changes["updated_at"] = new JsonObject { ["previous"] = issue.Str("created_at"), ["current"] = issue.Str("updated_at") };
            changes["updated_by_id"] = new JsonObject { ["previous"] = null, ["current"] = user.Long("id") };
        }

        return new JsonObject
        {
            ["object_kind"] = "issue",
            ["event_type"] = "issue",
            ["user"] = Shapes.UserForHook(user),
            ["project"] = Shapes.HookProject(project, sb.BaseUrl),
            ["object_attributes"] = new JsonObject
            {
                ["id"] = issue.Long("id"),
                ["title"] = issue.Str("title"),
                ["assignee_ids"] = new JsonArray(),
                ["assignee_id"] = null,
                ["author_id"] = issue["author"]!.AsObject().Long("id"),
                ["project_id"] = project.Long("id"),
                ["created_at"] = issue.Str("created_at"),
                ["updated_at"] = issue.Str("updated_at"),
                ["updated_by_id"] = action == "open" ? null : user.Long("id"),
                ["last_edited_at"] = null,
                ["last_edited_by_id"] = null,
                ["relative_position"] = 0,
                ["description"] = issue.OptStr("description"),
                ["milestone_id"] = null,
                ["state_id"] = issue.Str("state") == "opened" ? 1 : 2,
                ["confidential"] = false,
                ["discussion_locked"] = null,
                ["due_date"] = null,
                ["moved_to_id"] = null,
                ["duplicated_to_id"] = null,
                ["time_estimate"] = 0,
                ["total_time_spent"] = 0,
                ["time_change"] = 0,
                ["human_total_time_spent"] = null,
                ["human_time_estimate"] = null,
                ["human_time_change"] = null,
                ["weight"] = null,
                ["health_status"] = null,
                ["type"] = "Issue",
                ["iid"] = issue.Long("iid"),
                ["url"] = issue.Str("web_url"),
                ["state"] = issue.Str("state"),
                ["action"] = action,
                ["severity"] = "unknown",
                ["escalation_status"] = null,
                ["escalation_policy"] = null,
                ["labels"] = labels.DeepClone(),
            },
            ["repository"] = Shapes.HookRepository(project, sb.BaseUrl),
            ["assignees"] = new JsonArray(),
            ["assignee"] = null,
            ["labels"] = labels,
            ["changes"] = changes,
        };
    }

    public static JsonObject Note(SandboxContext sb, JsonObject project, JsonObject issue, JsonObject note, JsonObject user, string action) =>
        NoteHook(sb, project, note, user, action, "Issue", issue, "issue", new JsonObject
        {
            ["id"] = issue.Long("id"),
            ["title"] = issue.Str("title"),
            ["assignee_ids"] = new JsonArray(),
            ["assignee_id"] = null,
            ["author_id"] = issue["author"]!.AsObject().Long("id"),
            ["project_id"] = project.Long("id"),
            ["created_at"] = HookTime(issue.Str("created_at")),
            ["updated_at"] = HookTime(issue.Str("updated_at")),
            ["position"] = 0,
            ["branch_name"] = null,
            ["description"] = issue.OptStr("description"),
            ["milestone_id"] = null,
            ["state"] = issue.Str("state"),
            ["iid"] = issue.Long("iid"),
            ["labels"] = LabelEndpoints.ForHook(sb, project, issue.StringList("labels")),
        });

    /// <summary>
    /// The Note Hook body GitLab sends for a comment on any noteable: only <c>noteable_type</c> and the object named
    /// <paramref name="noteableKey"/> (<c>issue</c>, <c>merge_request</c>) differ between an issue and an MR comment.
    /// </summary>
    private static JsonObject NoteHook(
        SandboxContext sb, JsonObject project, JsonObject note, JsonObject user, string action,
        string noteableType, JsonObject noteable, string noteableKey, JsonObject noteableForHook) => new()
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
            ["noteable_type"] = noteableType,
            ["author_id"] = note["author"]!.AsObject().Long("id"),
            ["created_at"] = HookTime(note.Str("created_at")),
            ["updated_at"] = HookTime(note.Str("updated_at")),
            ["project_id"] = project.Long("id"),
            ["attachment"] = null,
            ["line_code"] = null,
            ["commit_id"] = string.Empty,
            ["noteable_id"] = noteable.Long("id"),
            ["system"] = false,
            ["st_diff"] = null,
            ["action"] = action,
            ["url"] = $"{noteable.Str("web_url")}#note_{note.Long("id")}",
        },
        [noteableKey] = noteableForHook,
    };

    public static JsonObject FeatureFlag(SandboxContext sb, JsonObject project, JsonObject flag, JsonObject user) => new()
    {
        ["object_kind"] = "feature_flag",
        ["project"] = Shapes.HookProject(project, sb.BaseUrl),
        ["user"] = Shapes.UserForHook(user),
        ["user_url"] = user.Str("web_url"),
        ["object_attributes"] = new JsonObject
        {
            ["id"] = flag.Long("id"),
            ["name"] = flag.Str("name"),
            ["description"] = flag.OptStr("description"),
            ["active"] = flag.Bool("active") ?? false,
        },
    };

    private static string HookTime(string iso) =>
        DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t.HookTime() : iso;
}
