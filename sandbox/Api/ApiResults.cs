using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Responses in GitLab's shapes: JSON bodies and <c>{"message": ...}</c> errors.</summary>
internal static class ApiResults
{
    public static IResult Json(JsonNode? node, int status = StatusCodes.Status200OK) =>
        Results.Content(Public(node?.DeepClone())?.ToJsonString() ?? "null", "application/json", null, status);

    /// <summary>Drops the store's bookkeeping keys (those starting with '_') from a response.</summary>
    private static JsonNode? Public(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(kv => kv.Key).Where(k => k.StartsWith('_')).ToList())
                {
                    obj.Remove(key);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Public(item);
                }

                break;
        }

        return node;
    }

    public static IResult Created(JsonNode node) => Json(node, StatusCodes.Status201Created);

    public static IResult Message(int status, string message) => Json(new JsonObject { ["message"] = message }, status);

    public static IResult NotFound(string what) => Message(StatusCodes.Status404NotFound, $"404 {what} Not Found");

    public static IResult BadRequest(string message) => Message(StatusCodes.Status400BadRequest, message);

    public static IResult Unauthorized() => Message(StatusCodes.Status401Unauthorized, "401 Unauthorized");
}
