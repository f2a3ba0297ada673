using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// One set of serializer options for GitLab's REST and webhook JSON: snake_case, unknown fields ignored, numbers
/// accepted as strings ("changes_count": "1"), both timestamp formats, and required members enforced.
/// </summary>
public static class GitLabJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,

            // Bodies go to an API, never into HTML; keep markdown (<, >, +, &) readable in notes and payloads.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new LenientDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
