using System.Text.Json;

namespace RagnarokOps.Functions.Hosting;

/// <summary>A 1-based line and column in a text file.</summary>
internal readonly record struct JsonPosition(int Line, int Column);

/// <summary>
/// Where each property of a JSON document starts, by dotted path (<c>extensions.durableTask.hubName</c>),
/// so validators can point at the line that is wrong. JsonDocument keeps no positions; this reader pass does.
/// </summary>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, JsonPosition> _byPath = new(StringComparer.OrdinalIgnoreCase);

    private JsonPositions()
    {
    }

    public JsonPosition? Find(string path) => _byPath.TryGetValue(path, out var p) ? p : null;

    /// <summary>The position of the deepest recorded ancestor of <paramref name="path"/>.</summary>
    public JsonPosition? FindNearest(string path)
    {
        for (var current = path; current.Length > 0; current = current.Contains('.') ? current[..current.LastIndexOf('.')] : string.Empty)
        {
            if (Find(current) is { } p)
            {
                return p;
            }
        }

        return new JsonPosition(1, 1);
    }

    public static JsonPositions Index(byte[] utf8, JsonReaderOptions options)
    {
        var positions = new JsonPositions();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, options);
        var path = new List<string>();
        string? pendingName = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString() ?? string.Empty;
                    var full = string.Join('.', path.Append(pendingName));
                    positions._byPath[full] = ToPosition(lineStarts, reader.TokenStartIndex);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    path.Add(pendingName ?? string.Empty);
                    pendingName = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                default:
                    pendingName = null;
                    break;
            }
        }

        // The root object contributes an empty segment; strip it from every key.
        var rooted = positions._byPath.ToDictionary(kv => kv.Key.TrimStart('.'), kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        positions._byPath.Clear();
        foreach (var (key, value) in rooted)
        {
            positions._byPath[key] = value;
        }

        return positions;
    }

    private static List<long> LineStarts(byte[] utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static JsonPosition ToPosition(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new JsonPosition(line + 1, (int)(offset - lineStarts[line]) + 1);
    }

    /// <summary>The parser's sentence without its own position suffix (the caller prints file(line,col)).</summary>
    public static string Describe(JsonException ex) => ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd(' ', '.');

    public static JsonPosition? PositionOf(JsonException ex) =>
        ex.LineNumber is { } line ? new JsonPosition((int)line + 1, (int)(ex.BytePositionInLine ?? 0) + 1) : null;
}
