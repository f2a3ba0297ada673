using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Api;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Webhooks;

internal static partial class HookPayloads
{
    public static JsonObject MergeRequest(SandboxContext sb, JsonObject project, JsonObject mr, GitCommit lastCommit, JsonObject user, string action)
    {
        var hookProject = Shapes.HookProject(project, sb.BaseUrl);
        var labels = LabelEndpoints.ForHook(sb, project, mr.StringList("labels"));
        return new JsonObject
        {
            ["object_kind"] = "merge_request",
            ["event_type"] = "merge_request",
            ["user"] = Shapes.UserForHook(user),
            ["project"] = hookProject,
            ["repository"] = Shapes.HookRepository(project, sb.BaseUrl),
            ["object_attributes"] = new JsonObject
            {
                ["id"] = mr.Long("id"),
                ["iid"] = mr.Long("iid"),
                ["target_branch"] = mr.Str("target_branch"),
                ["source_branch"] = mr.Str("source_branch"),
                ["source_project_id"] = project.Long("id"),
                ["author_id"] = mr["author"]!.AsObject().Long("id"),
                ["assignee_ids"] = new JsonArray(),
                ["assignee_id"] = null,
                ["reviewer_ids"] = new JsonArray(),
                ["title"] = mr.Str("title"),
                ["created_at"] = mr.Str("created_at"),
                ["updated_at"] = mr.Str("updated_at"),
                ["last_edited_at"] = null,
                ["last_edited_by_id"] = null,
                ["milestone_id"] = null,
                ["state_id"] = 1,
                ["state"] = mr.Str("state"),
                ["blocking_discussions_resolved"] = true,
                ["work_in_progress"] = mr.Bool("draft"),
                ["draft"] = mr.Bool("draft"),
                ["first_contribution"] = false,
                ["merge_status"] = mr.Str("merge_status"),
                ["target_project_id"] = project.Long("id"),
                ["description"] = mr.OptStr("description") ?? string.Empty,
                ["prepared_at"] = mr.Str("prepared_at"),
                ["total_time_spent"] = 0,
                ["time_change"] = 0,
                ["human_total_time_spent"] = null,
                ["human_time_change"] = null,
                ["human_time_estimate"] = null,
                ["url"] = mr.Str("web_url"),
                ["source"] = hookProject.DeepClone(),
                ["target"] = hookProject.DeepClone(),
                ["last_commit"] = new JsonObject
                {
                    ["id"] = lastCommit.Id,
                    ["message"] = lastCommit.Message,
                    ["title"] = lastCommit.Title,
                    ["timestamp"] = lastCommit.CommittedDate.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                    ["url"] = $"{sb.ProjectUrl(project)}/-/commit/{lastCommit.Id}",
                    ["author"] = new JsonObject { ["name"] = lastCommit.AuthorName, ["email"] = lastCommit.AuthorEmail },
                },
                ["labels"] = labels.DeepClone(),
                ["action"] = action,
                ["detailed_merge_status"] = mr.Str("detailed_merge_status"),
            },
            ["labels"] = labels.DeepClone(),
            ["changes"] = action == "open" ? OpenChanges(mr, labels, user) : new JsonObject(),
            ["assignees"] = new JsonArray(),
            ["reviewers"] = new JsonArray(),
        };
    }

    /// <summary>On "open" GitLab reports every set attribute as changed from nothing.</summary>
    private static JsonObject OpenChanges(JsonObject mr, JsonArray labels, JsonObject user) => new()
    {
        ["updated_by_id"] = new JsonObject { ["previous"] = null, ["current"] = user.Long("id") },
        ["draft"] = new JsonObject { ["previous"] = false, ["current"] = mr.Bool("draft") },
        ["updated_at"] = new JsonObject { ["previous"] = null, ["current"] = mr.Str("updated_at") },
        ["labels"] = new JsonObject { ["previous"] = new JsonArray(), ["current"] = labels.DeepClone() },
        ["last_edited_at"] = new JsonObject { ["previous"] = null, ["current"] = null },
        ["last_edited_by_id"] = new JsonObject { ["previous"] = null, ["current"] = null },
    };

    public static JsonObject Pipeline(SandboxContext sb, JsonObject project, JsonObject pipeline, IReadOnlyList<JsonObject> jobs, GitCommit commit, JsonObject user) => new()
    {
        ["object_kind"] = "pipeline",
        ["object_attributes"] = new JsonObject
        {
            ["id"] = pipeline.Long("id"),
            ["iid"] = pipeline.Long("iid"),
            ["name"] = pipeline.Str("name"),
            ["ref"] = pipeline.Str("ref"),
            ["tag"] = false,
            ["sha"] = pipeline.Str("sha"),
            ["before_sha"] = pipeline.Str("before_sha"),
            ["source"] = pipeline.Str("source"),
            ["status"] = pipeline.Str("status"),
            ["stages"] = jobs.Select(j => j.Str("stage")).Distinct().Strings(),
            ["created_at"] = HookTime(pipeline.Str("created_at")),
            ["finished_at"] = pipeline.OptStr("finished_at") is { } f ? HookTime(f) : null,
            ["duration"] = pipeline["duration"]?.DeepClone(),
            ["variables"] = pipeline["_variables"]?.DeepClone() ?? new JsonArray(),
            ["url"] = pipeline.Str("web_url"),
        },
        ["merge_request"] = null,
        ["user"] = Shapes.UserForHook(user),
        ["project"] = Shapes.HookProject(project, sb.BaseUrl),
        ["commit"] = HookCommit(sb, project, commit),
        ["source_pipeline"] = null,
        ["builds"] = jobs.Select(j => (JsonNode?)new JsonObject
        {
            ["id"] = j.Long("id"),
            ["stage"] = j.Str("stage"),
            ["name"] = j.Str("name"),
            ["status"] = j.Str("status"),
            ["created_at"] = HookTime(j.Str("created_at")),
            ["started_at"] = j.OptStr("started_at") is { } s ? HookTime(s) : null,
            ["finished_at"] = j.OptStr("finished_at") is { } f ? HookTime(f) : null,
            ["duration"] = j["duration"]?.DeepClone(),
            ["queued_duration"] = j["queued_duration"]?.DeepClone(),
            ["failure_reason"] = j.OptStr("failure_reason"),
            ["when"] = "on_success",
            ["manual"] = false,
            ["allow_failure"] = j.Bool("allow_failure") ?? false,
            ["user"] = Shapes.UserForHook(user),
            ["runner"] = null,
            ["artifacts_file"] = new JsonObject { ["filename"] = null, ["size"] = null },
            ["environment"] = j.OptStr("_environment") is { } env ? new JsonObject { ["name"] = env, ["action"] = "start", ["deployment_tier"] = env } : null,
        }).ToJsonArray(),
    };

    public static JsonObject Job(SandboxContext sb, JsonObject project, JsonObject pipeline, JsonObject job, GitCommit commit, JsonObject user)
    {
        var hookProject = Shapes.HookProject(project, sb.BaseUrl);
        return new JsonObject
        {
            ["object_kind"] = "build",
            ["ref"] = job.Str("ref"),
            ["tag"] = false,
            ["before_sha"] = pipeline.Str("before_sha"),
            ["sha"] = commit.Id,
            ["build_id"] = job.Long("id"),
            ["build_name"] = job.Str("name"),
            ["build_stage"] = job.Str("stage"),
            ["build_status"] = job.Str("status"),
            ["build_created_at"] = job.Str("created_at"),
            ["build_created_at_iso"] = job.Str("created_at"),
            ["build_started_at"] = job.OptStr("started_at"),
            ["build_started_at_iso"] = job.OptStr("started_at"),
            ["build_finished_at"] = job.OptStr("finished_at"),
            ["build_finished_at_iso"] = job.OptStr("finished_at"),
            ["build_duration"] = job["duration"]?.DeepClone(),
            ["build_queued_duration"] = job["queued_duration"]?.DeepClone(),
            ["build_allow_failure"] = job.Bool("allow_failure") ?? false,
            ["build_failure_reason"] = job.OptStr("failure_reason") ?? "unknown_failure",
            ["retries_count"] = 0,
            ["pipeline_id"] = pipeline.Long("id"),
            ["project_id"] = project.Long("id"),
            ["project_name"] = project.Str("path_with_namespace"),
            ["user"] = new JsonObject { ["id"] = user.Long("id"), ["name"] = user.Str("name"), ["email"] = user.Str("email"), ["avatar_url"] = user.Str("avatar_url") },
            ["commit"] = new JsonObject
            {
                // GitLab puts the pipeline id here, not a sha (see the fixtures' README).
                ["id"] = pipeline.Long("id"),
                ["name"] = pipeline.Str("name"),
                ["sha"] = commit.Id,
                ["message"] = commit.Message,
                ["author_name"] = commit.AuthorName,
                ["author_email"] = commit.AuthorEmail,
                ["status"] = pipeline.Str("status"),
                ["duration"] = pipeline["duration"]?.DeepClone(),
                ["started_at"] = pipeline.OptStr("started_at"),
                ["started_at_iso"] = pipeline.OptStr("started_at"),
                ["finished_at"] = pipeline.OptStr("finished_at"),
                ["finished_at_iso"] = pipeline.OptStr("finished_at"),
            },
            ["repository"] = new JsonObject
            {
                ["name"] = project.Str("name"),
                ["description"] = project.Str("description"),
                ["homepage"] = hookProject.Str("homepage"),
                ["git_ssh_url"] = hookProject.Str("git_ssh_url"),
                ["git_http_url"] = hookProject.Str("git_http_url"),
                ["visibility_level"] = 0,
            },
            ["project"] = hookProject,
            ["runner"] = null,
            ["environment"] = job.OptStr("_environment") is { } env ? new JsonObject { ["name"] = env, ["action"] = "start", ["deployment_tier"] = env } : null,
            ["source_pipeline"] = null,
        };
    }

    public static JsonObject Deployment(SandboxContext sb, JsonObject project, JsonObject deployment, GitCommit commit, JsonObject user)
    {
        var environment = CiRecords.FindEnvironment(sb, project, deployment["environment"]!.AsObject().Str("name"));
        var deployable = deployment["deployable"]!.AsObject();
        return new JsonObject
        {
            ["object_kind"] = "deployment",
            ["status"] = deployment.Str("status"),
            ["status_changed_at"] = HookTime(deployment.Str("updated_at")),
            ["deployment_id"] = deployment.Long("id"),
            ["deployable_id"] = deployable.Long("id"),
            ["deployable_url"] = deployable.Str("web_url"),
            ["environment"] = environment?.Str("name"),
            ["environment_tier"] = environment?.Str("tier"),
            ["environment_slug"] = environment?.Str("slug"),
            ["environment_external_url"] = environment?.OptStr("external_url"),
            ["project"] = Shapes.HookProject(project, sb.BaseUrl),
            ["short_sha"] = commit.ShortId,
            ["user"] = Shapes.UserForHook(user),
            ["user_url"] = user.Str("web_url"),
            ["commit_url"] = $"{sb.ProjectUrl(project)}/-/commit/{commit.Id}",
            ["commit_title"] = commit.Title,
        };
    }

    private static JsonObject HookCommit(SandboxContext sb, JsonObject project, GitCommit commit) => new()
    {
        ["id"] = commit.Id,
        ["message"] = commit.Message,
        ["timestamp"] = commit.CommittedDate.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        ["url"] = $"{sb.ProjectUrl(project)}/-/commit/{commit.Id}",
        ["author"] = new JsonObject { ["name"] = commit.AuthorName, ["email"] = commit.AuthorEmail },
    };
}
