using Microsoft.AspNetCore.Http;
using RagnarokOps.Functions.Management;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// Durable Functions' check-status payload for a started case. Unlike Durable Functions it leaves the management key
/// out of the URLs: the caller here is GitLab, whose delivery log shows response bodies to project maintainers.
/// Send the key as <c>x-functions-key</c> when following them.
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
    public static CheckStatusPayload For(HttpRequest request, string instanceId, string taskHub)
    {
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{ManagementApiEndpoints.DefaultPrefix}/instances/{Uri.EscapeDataString(instanceId)}";
        var query = $"taskHub={Uri.EscapeDataString(taskHub)}&connection=Storage";
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
