using System.Text.Json.Nodes;
using RagnarokOps.Sandbox.Store;

namespace RagnarokOps.Sandbox.Api;

internal static partial class CiRecords
{
    public static JsonObject CreateEnvironment(SandboxContext sb, JsonObject project, string name, string tier, string? externalUrl, DateTimeOffset createdAt)
    {
        var projectId = project.Long("id");
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.Environment);
            var environment = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["slug"] = name.Replace('/', '-'),
                ["external_url"] = externalUrl,
                ["state"] = "available",
                ["tier"] = tier,
                ["created_at"] = createdAt.Iso(),
                ["updated_at"] = createdAt.Iso(),
                ["enable_advanced_logs_querying"] = false,
                ["logs_api_path"] = $"/{project.Str("path_with_namespace")}/-/logs/k8s.json?environment_name={Uri.EscapeDataString(name)}",
                ["auto_stop_at"] = null,
                ["kubernetes_namespace"] = null,
                ["flux_resource_path"] = null,
            };
            tx.Put(Kinds.Environment, id, projectId, environment);
            return environment;
        });
    }

    public static JsonObject? FindEnvironment(SandboxContext sb, JsonObject project, string name) =>
        sb.Store.List(Kinds.Environment, project.Long("id")).FirstOrDefault(e => e.Str("name") == name);

    /// <summary>Records a deployment of <paramref name="deployJob"/>'s commit to an environment (created if new).</summary>
    public static JsonObject CreateDeployment(
        SandboxContext sb, JsonObject project, string environmentName, JsonObject deployJob, string status, JsonObject user, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var projectId = project.Long("id");
        var environment = FindEnvironment(sb, project, environmentName)
            ?? CreateEnvironment(sb, project, environmentName, environmentName is "production" or "staging" ? environmentName : "other", null, createdAt);
        var commit = deployJob["commit"]!.AsObject();
        return sb.Store.Write(tx =>
        {
            var id = tx.Next(Kinds.Deployment);
            var iid = tx.Next($"{Kinds.Deployment}:{projectId}");
            var deployment = new JsonObject
            {
                ["created_at"] = createdAt.Iso(),
                ["updated_at"] = updatedAt.Iso(),
                ["status"] = status,
                ["deployable"] = deployJob.Clone(),
                ["environment"] = new JsonObject
                {
                    ["external_url"] = environment.OptStr("external_url"),
                    ["id"] = environment.Long("id"),
                    ["name"] = environment.Str("name"),
                },
                ["id"] = id,
                ["iid"] = iid,
                ["ref"] = deployJob.Str("ref"),
                ["sha"] = commit.Str("id"),
                ["user"] = Shapes.UserBasic(user),
            };
            tx.Put(Kinds.Deployment, id, projectId, deployment);
            environment["updated_at"] = updatedAt.Iso();
            tx.Put(Kinds.Environment, environment.Long("id"), projectId, environment);
            return deployment;
        });
    }
}
