using System.Globalization;
using System.Text.Json;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>
/// Reads another room's serialized input, output or custom status without its types: names match case-insensitively,
/// on the top level or one object down; anything missing or malformed reads as null.
/// </summary>
internal sealed class LooseJson
{
    private readonly JsonElement? _root;

    private LooseJson(JsonElement? root) => _root = root;

    public static LooseJson Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new LooseJson(null);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return new LooseJson(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return new LooseJson(null);
        }
    }

    /// <summary>The root when it is a plain JSON string (a custom status set as text).</summary>
    public string? AsString => _root is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    public string? String(params string[] names) => Find(names) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True or JsonValueKind.False } b => b.GetRawText(),
        _ => null,
    };

    public double? Number(params string[] names) => Find(names) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private JsonElement? Find(string[] names)
    {
        if (_root is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        return Property(root, names) ?? root.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .Select(p => Property(p.Value, names))
            .FirstOrDefault(v => v is not null);
    }

    private static JsonElement? Property(JsonElement element, string[] names)
    {
        foreach (var name in names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind is not JsonValueKind.Null)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }
}
