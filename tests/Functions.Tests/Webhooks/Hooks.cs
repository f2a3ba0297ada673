using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RagnarokOps.Functions.Tests.Webhooks;

/// <summary>Minimal GitLab webhook bodies (the fields the intake reads) and a way to post them.</summary>
internal static class Hooks
{
    public static JsonObject Issue(long projectId, long iid, string action, params string[] labels) => new()
    {
        ["object_kind"] = "issue",
        ["user"] = new JsonObject { ["id"] = 1, ["username"] = "root" },
        ["project"] = new JsonObject { ["id"] = projectId, ["path_with_namespace"] = "acme/checkout" },
        ["object_attributes"] = new JsonObject { ["id"] = 1000 + iid, ["iid"] = iid, ["title"] = "Checkout fails", ["action"] = action },
        ["labels"] = new JsonArray(labels.Select(l => (JsonNode)new JsonObject { ["title"] = l }).ToArray()),
    };

    public static JsonObject Note(long projectId, long iid, long userId, string username, string note, string action = "create") => new()
    {
        ["object_kind"] = "note",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = username },
        ["project"] = new JsonObject { ["id"] = projectId, ["path_with_namespace"] = "acme/checkout" },
        ["object_attributes"] = new JsonObject { ["id"] = 5000, ["note"] = note, ["noteable_type"] = "Issue", ["action"] = action },
        ["issue"] = new JsonObject { ["id"] = 1000 + iid, ["iid"] = iid },
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string eventHeader, JsonNode body, string? token = FlowTestHost.Secret, string? eventUuid = null) =>
        PostRawAsync(http, eventHeader, body.ToJsonString(), token, eventUuid);

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient http, string eventHeader, string body, string? token = FlowTestHost.Secret, string? eventUuid = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/gitlab") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Gitlab-Event", eventHeader);
        if (token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", token);
        }

        if (eventUuid is not null)
        {
            request.Headers.Add("X-Gitlab-Event-UUID", eventUuid);
        }

        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
