using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagnarokOps.Sandbox.Api;

/// <summary>Terse reads of the JSON bodies the store keeps.</summary>
internal static class JsonExtensions
{
    public static string Str(this JsonObject obj, string key) => obj.OptStr(key) ?? string.Empty;

    public static string? OptStr(this JsonObject obj, string key) => obj[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => obj[key]!.ToJsonString(),
    };

    public static long Long(this JsonObject obj, string key) => obj[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<long>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && long.TryParse(v.GetValue<string>(), out var n) => n,
        _ => 0,
    };

    public static bool? Bool(this JsonObject obj, string key) => obj[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is "true" or "1",
        _ => null,
    };

    public static DateTimeOffset? Time(this JsonObject obj, string key) =>
        obj.OptStr(key) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>GitLab's ISO 8601 with milliseconds and Z.</summary>
    public static string Iso(this DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The "2015-05-17 17:06:40 UTC" form some webhook payloads use.</summary>
    public static string HookTime(this DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static JsonObject Clone(this JsonObject obj) => JsonNode.Parse(obj.ToJsonString())!.AsObject();

    public static JsonArray ToJsonArray(this IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonArray Strings(this IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

    public static IEnumerable<string> StringList(this JsonObject obj, string key) =>
        obj[key] is JsonArray a ? a.Select(n => n?.GetValue<string>() ?? string.Empty) : [];
}
