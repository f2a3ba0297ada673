using System.Text.Json;

namespace RagnarokOps.Functions.Hosting;

/// <summary>
/// A JSON settings file read the way the Functions host reads host.json and local.settings.json:
/// comments and trailing commas allowed; a syntax error or a wrong field is one line naming file, line and field.
/// </summary>
internal sealed class JsonSettingsFile : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly JsonPositions _positions;

    private JsonSettingsFile(string path, JsonDocument document, JsonPositions positions)
    {
        FilePath = path;
        Document = document;
        _positions = positions;
    }

    public string FilePath { get; }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    public static JsonSettingsFile Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw HostConfigurationException.At(path, null, string.Empty, $"cannot be read ({ex.Message})");
        }

        try
        {
            var document = JsonDocument.Parse(bytes, DocumentOptions);
            var positions = JsonPositions.Index(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var file = new JsonSettingsFile(path, document, positions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw file.Error(string.Empty, "the file must hold a JSON object");
            }

            return file;
        }
        catch (JsonException ex)
        {
            throw HostConfigurationException.At(path, JsonPositions.PositionOf(ex), string.Empty, $"not valid JSON: {JsonPositions.Describe(ex)}");
        }
    }

    public HostConfigurationException Error(string field, string problem) =>
        HostConfigurationException.At(FilePath, _positions.FindNearest(field), field, problem);

    /// <summary>The element at a dotted path, or null when any segment is missing.</summary>
    public JsonElement? Get(string path)
    {
        var current = Root;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !TryGetPropertyIgnoreCase(current, segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    public string? GetString(string path)
    {
        var element = Get(path);
        if (element is null || element.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.Value.ValueKind == JsonValueKind.String
            ? element.Value.GetString()
            : throw Error(path, $"expected a string, found {Describe(element.Value.ValueKind)}");
    }

    public long? GetInt64(string path, long min, long max)
    {
        var element = Get(path);
        if (element is null || element.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.Value.ValueKind != JsonValueKind.Number || !element.Value.TryGetInt64(out var value))
        {
            throw Error(path, $"expected a whole number, found {Describe(element.Value.ValueKind)}");
        }

        return value >= min && value <= max ? value : throw Error(path, $"must be between {min} and {max}, found {value}");
    }

    public bool? GetBoolean(string path)
    {
        var element = Get(path);
        return element?.ValueKind switch
        {
            null or JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(path, $"expected true or false, found {Describe(element.Value.ValueKind)}"),
        };
    }

    /// <summary>A duration in Functions' "hh:mm:ss" form, between the bounds.</summary>
    public TimeSpan? GetTimeSpan(string path, TimeSpan min, TimeSpan max)
    {
        if (GetString(path) is not { } text)
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw Error(path, $"expected a duration such as \"00:00:30\", found \"{text}\"");
        }

        return value >= min && value <= max ? value : throw Error(path, $"must be between {min:c} and {max:c}, found {value:c}");
    }

    public JsonElement? GetObject(string path)
    {
        var element = Get(path);
        if (element is null || element.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return element.Value.ValueKind == JsonValueKind.Object
            ? element
            : throw Error(path, $"expected an object, found {Describe(element.Value.ValueKind)}");
    }

    public void Dispose() => Document.Dispose();

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
