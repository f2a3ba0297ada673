using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Http;

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

    public static JsonObject Status(OrchestrationMetadata m, bool showInput, IReadOnlyList<HistoryEvent>? history)
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
        if (history is not null)
        {
            status["historyEvents"] = new JsonArray(history.Select(HistoryEntry).ToArray<JsonNode?>());
        }

        return status;
    }

    private static JsonObject HistoryEntry(HistoryEvent e)
    {
        var entry = new JsonObject
        {
            ["EventType"] = e.Type.ToString(),
            ["Timestamp"] = e.Timestamp.ToString("o", CultureInfo.InvariantCulture),
        };
        if (e.Name is not null)
        {
            entry[e.Type == EventType.EventRaised ? "Name" : "FunctionName"] = e.Name;
        }

        if (e.Data is not null)
        {
            entry[e.Type is EventType.TaskCompleted or EventType.ExecutionCompleted or EventType.SubOrchestrationInstanceCompleted
                ? "Result" : "Input"] = Parse(e.Data);
        }

        if (e.FireAt is { } fire)
        {
            entry["FireAt"] = fire.ToString("o", CultureInfo.InvariantCulture);
        }

        if (e.Failure is { } failure)
        {
            entry["FailureDetails"] = new JsonObject { ["ErrorType"] = failure.ErrorType, ["ErrorMessage"] = failure.ErrorMessage };
        }

        if (e.Status is { } s)
        {
            entry["OrchestrationStatus"] = s.ToString();
        }

        return entry;
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
