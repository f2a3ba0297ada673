using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagnarokOps.Functions.Environments;

/// <summary>How environment answers look as JSON (CLI --json and the query endpoints alike).</summary>
internal static class EnvJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
