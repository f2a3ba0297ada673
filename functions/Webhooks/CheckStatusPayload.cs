using RagnarokOps.Functions.Management;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// Durable Functions' check-status payload for a started case. As on Azure, the URLs carry the management key
/// (<c>code=</c>) so that following them works; GitLab shows response bodies to the project's maintainers, who
/// may manage their own cases.
/// </summary>
internal sealed record CheckStatusPayload(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string SuspendPostUri,
    string ResumePostUri)
{
    public static CheckStatusPayload For(HttpRequest request, string instanceId, string taskHub, string? key)
    {
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{ManagementApiEndpoints.DefaultPrefix}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = $"taskHub={Uri.EscapeDataString(taskHub)}&connection=Storage" + (string.IsNullOrEmpty(key) ? string.Empty : $"&code={Uri.EscapeDataString(key)}");
        return new CheckStatusPayload(
            instanceId,
            $"{instance}?{query}",
            $"{instance}/raiseEvent/{{eventName}}?{query}",
            $"{instance}/terminate?reason={{text}}&{query}",
            $"{instance}?{query}",
            $"{instance}/suspend?reason={{text}}&{query}",
            $"{instance}/resume?reason={{text}}&{query}");
    }
}
