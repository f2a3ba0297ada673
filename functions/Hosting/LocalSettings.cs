using System.Text.Json;

namespace RagnarokOps.Functions.Hosting;

/// <summary>
/// local.settings.json as the Functions Core Tools read it: <c>Values</c> become configuration
/// (<c>GitLab__Token</c> is <c>GitLab:Token</c>), <c>IsEncrypted: true</c> is refused (we cannot decrypt it).
/// </summary>
internal static class LocalSettings
{
    public const string FileName = "local.settings.json";

    public static IReadOnlyDictionary<string, string?> Load(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        using var file = JsonSettingsFile.Load(path);
        if (file.Get("IsEncrypted") is { ValueKind: JsonValueKind.True })
        {
            throw file.Error("IsEncrypted", "encrypted settings are not supported; store the values in plain text or in environment variables");
        }

        if (file.GetObject("Values") is not { } element)
        {
            return values;
        }

        foreach (var property in element.EnumerateObject())
        {
            values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw file.Error($"Values.{property.Name}", "expected a string, number or boolean"),
            };
        }

        return values;
    }
}
