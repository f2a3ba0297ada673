using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.Management;

/// <summary>Durable Functions' check-status and status payloads.</summary>
internal static class ManagementPayloads
{
    public static JsonObject CheckStatus(string baseUrl, string instanceId, string query)
    {
        var instance = $"{baseUrl}/instances/{Uri.EscapeDataString(instanceId)}";
        return new JsonObject
        {
            ["id"] = instanceId,
            ["statusQueryGetUri"] = $"{instance}?{query}",
            ["sendEventPostUri"] = $"{instance}/raiseEvent/{{eventName}}?{query}",
            ["terminatePostUri"] = $"{instance}/terminate?reason={{text}}&{query}",
            ["purgeHistoryDeleteUri"] = $"{instance}?{query}",
            ["suspendPostUri"] = $"{instance}/suspend?reason={{text}}&{query}",
            ["resumePostUri"] = $"{instance}/resume?reason={{text}}&{query}",
        };
    }

    public static JsonObject Status(OrchestrationMetadata m, bool showInput)
    {
        var status = new JsonObject
        {
            ["name"] = m.Name,
            ["instanceId"] = m.InstanceId,
            ["runtimeStatus"] = m.RuntimeStatus.ToString(),
            ["input"] = showInput ? Parse(m.SerializedInput) : null,
            ["customStatus"] = Parse(m.SerializedCustomStatus),
            ["output"] = m.RuntimeStatus == OrchestrationRuntimeStatus.Failed && m.FailureDetails is { } f
                ? JsonValue.Create($"Orchestrator function '{m.Name}' failed: {f.ErrorMessage}")
                : Parse(m.SerializedOutput),
            ["createdTime"] = Time(m.CreatedAt),
            ["lastUpdatedTime"] = Time(m.LastUpdatedAt),
        };
        return status;
    }

    public static string BaseUrl(HttpRequest request, string prefix) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{prefix.TrimEnd('/')}";

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
