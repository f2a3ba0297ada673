using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Git;

namespace RagnarokOps.Sandbox.Api;

/// <summary>The JSON objects GitLab nests in many responses (users, commits, projects in hooks).</summary>
internal static class Shapes
{
    public static JsonObject NewUser(long id, string username, string name, string email, string baseUrl, DateTimeOffset createdAt) => new()
    {
        ["id"] = id,
        ["username"] = username,
        ["name"] = name,
        ["state"] = "active",
        ["avatar_url"] = $"https://www.gravatar.com/avatar/{id:x32}?s=80&d=identicon",
        ["web_url"] = $"{baseUrl}/{username}",
        ["created_at"] = createdAt.Iso(),
        ["email"] = email,
        ["bio"] = null,
        ["location"] = null,
        ["public_email"] = string.Empty,
        ["skype"] = string.Empty,
        ["linkedin"] = string.Empty,
        ["twitter"] = string.Empty,
        ["website_url"] = string.Empty,
        ["organization"] = string.Empty,
    };

    public static JsonObject UserBasic(JsonObject user) => new()
    {
        ["id"] = user.Long("id"),
        ["username"] = user.Str("username"),
        ["name"] = user.Str("name"),
        ["state"] = user.Str("state"),
        ["avatar_url"] = user.Str("avatar_url"),
        ["web_url"] = user.Str("web_url"),
    };

    public static JsonObject UserForHook(JsonObject user) => new()
    {
        ["id"] = user.Long("id"),
        ["name"] = user.Str("name"),
        ["username"] = user.Str("username"),
        ["avatar_url"] = user.Str("avatar_url"),
        ["email"] = user.Str("email"),
    };

    public static JsonObject Commit(GitCommit commit, string projectUrl)
    {
        var trailers = commit.Trailers();
        var single = new JsonObject();
        var extended = new JsonObject();
        foreach (var (key, values) in trailers)
        {
            single[key] = values[^1];
            extended[key] = values.Strings();
        }

        return new JsonObject
        {
            ["id"] = commit.Id,
            ["short_id"] = commit.ShortId,
            ["created_at"] = commit.CommittedDate.Iso(),
            ["parent_ids"] = commit.ParentIds.Strings(),
            ["title"] = commit.Title,
            ["message"] = commit.Message,
            ["author_name"] = commit.AuthorName,
            ["author_email"] = commit.AuthorEmail,
            ["authored_date"] = commit.AuthoredDate.Iso(),
            ["committer_name"] = commit.CommitterName,
            ["committer_email"] = commit.CommitterEmail,
            ["committed_date"] = commit.CommittedDate.Iso(),
            ["trailers"] = single,
            ["extended_trailers"] = extended,
            ["web_url"] = $"{projectUrl}/-/commit/{commit.Id}",
        };
    }

    /// <summary>The short commit object jobs and deployments embed.</summary>
    public static JsonObject CommitBrief(GitCommit commit) => new()
    {
        ["author_email"] = commit.AuthorEmail,
        ["author_name"] = commit.AuthorName,
        ["created_at"] = commit.CommittedDate.Iso(),
        ["id"] = commit.Id,
        ["message"] = commit.Message,
        ["short_id"] = commit.ShortId,
        ["title"] = commit.Title,
    };

    public static JsonObject Stats(GitStats stats) => new()
    {
        ["additions"] = stats.Additions,
        ["deletions"] = stats.Deletions,
        ["total"] = stats.Total,
    };

    public static JsonObject Diff(GitFileDiff diff) => new()
    {
        ["old_path"] = diff.OldPath,
        ["new_path"] = diff.NewPath,
        ["a_mode"] = diff.AMode,
        ["b_mode"] = diff.BMode,
        ["diff"] = diff.Diff,
        ["collapsed"] = false,
        ["too_large"] = false,
        ["new_file"] = diff.NewFile,
        ["renamed_file"] = diff.RenamedFile,
        ["deleted_file"] = diff.DeletedFile,
    };

    /// <summary>The project object webhook payloads carry.</summary>
    public static JsonObject HookProject(JsonObject project, string baseUrl)
    {
        var path = project.Str("path_with_namespace");
        var web = $"{baseUrl}/{path}";
        var host = new Uri(baseUrl).Host;
        return new JsonObject
        {
            ["id"] = project.Long("id"),
            ["name"] = project.Str("name"),
            ["description"] = project.Str("description"),
            ["web_url"] = web,
            ["avatar_url"] = null,
            ["git_ssh_url"] = $"git@{host}:{path}.git",
            ["git_http_url"] = $"{web}.git",
            ["namespace"] = project["namespace"]?["name"]?.ToString(),
            ["visibility_level"] = 0,
            ["path_with_namespace"] = path,
            ["default_branch"] = project.Str("default_branch"),
            ["ci_config_path"] = string.Empty,
            ["homepage"] = web,
            ["url"] = $"git@{host}:{path}.git",
            ["ssh_url"] = $"git@{host}:{path}.git",
            ["http_url"] = $"{web}.git",
        };
    }

    public static JsonObject HookRepository(JsonObject project, string baseUrl) => new()
    {
        ["name"] = project.Str("name"),
        ["url"] = $"{baseUrl}/{project.Str("path_with_namespace")}.git",
        ["description"] = project.Str("description"),
        ["homepage"] = $"{baseUrl}/{project.Str("path_with_namespace")}",
    };
}
