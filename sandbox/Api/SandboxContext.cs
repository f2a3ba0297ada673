using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Git;
using RagnarokOps.Sandbox.Store;
using RagnarokOps.Sandbox.Webhooks;

namespace RagnarokOps.Sandbox.Api;

/// <summary>What every endpoint needs: the store, the repositories, the clock and the webhook queue.</summary>
internal sealed class SandboxContext(SandboxStore store, string dataDirectory, TimeProvider time, WebhookDispatcher hooks)
{
    public SandboxStore Store { get; } = store;

    public string DataDirectory { get; } = dataDirectory;

    public TimeProvider Time { get; } = time;

    public WebhookDispatcher Hooks { get; } = hooks;

    /// <summary>The address clients use; set once the server listens, used for every <c>web_url</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:8929";

    /// <summary>The checkout scenario's staging copy (its replay_url and environment URL); null when none runs.</summary>
    public string? StagingUrl { get; set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public static string RepositoryPath(string dataDirectory, string pathWithNamespace) =>
        Path.Combine(dataDirectory, "repositories", pathWithNamespace + ".git");

    public GitRepository Repository(JsonObject project) =>
        new(RepositoryPath(DataDirectory, project.Str("path_with_namespace")));

    /// <summary>A project by numeric id or by its url-encoded full path.</summary>
    /// <summary>The project, or a <see cref="NotFoundException"/> that the API turns into GitLab's 404 Project Not Found.</summary>
    public JsonObject RequireProject(string idOrPath) => FindProject(idOrPath) ?? throw new NotFoundException("Project");

    public JsonObject? FindProject(string idOrPath)
    {
        var key = Uri.UnescapeDataString(idOrPath);
        if (long.TryParse(key, out var id))
        {
            return Store.Get(Kinds.Project, id);
        }

        return Store.List(Kinds.Project).FirstOrDefault(p => string.Equals(p.Str("path_with_namespace"), key, StringComparison.OrdinalIgnoreCase));
    }

    public JsonObject? FindUser(long id) => Store.Get(Kinds.User, id);

    public JsonObject? FindUserByEmail(string email) =>
        Store.List(Kinds.User).FirstOrDefault(u => string.Equals(u.Str("email"), email, StringComparison.OrdinalIgnoreCase));

    public string ProjectUrl(JsonObject project) => $"{BaseUrl}/{project.Str("path_with_namespace")}";
}
