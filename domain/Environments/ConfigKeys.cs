using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Environments;

/// <summary>
/// Config files (YAML, JSON, .env, ini/properties) flattened to dotted keys and their values, so drift can be told
/// key by key: <c>database.host</c>, <c>servers.0.url</c>, <c>[section] key</c> → <c>section.key</c>.
/// </summary>
public static class ConfigKeys
{
    /// <summary>Whether <paramref name="path"/> is a config file whose keys are compared.</summary>
    public static bool IsConfigFile(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || name.EndsWith(".env", StringComparison.Ordinal)
            || Path.GetExtension(name) is ".yaml" or ".yml" or ".json" or ".ini" or ".cfg" or ".properties";
    }

    /// <summary>The keys of the file, or null with the reason when it cannot be read as its kind.</summary>
    public static IReadOnlyDictionary<string, string>? Flatten(string path, string content, out string? problem)
    {
        problem = null;
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".yaml" or ".yml":
                    var stream = new YamlStream();
                    stream.Load(new StringReader(content));
                    if (stream.Documents.Count > 0)
                    {
                        Yaml(stream.Documents[0].RootNode, "", keys);
                    }

                    break;
                case ".json":
                    using (var doc = JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                    {
                        Json(doc.RootElement, "", keys);
                    }

                    break;
                default:
                    Lines(content, keys);
                    break;
            }
        }
        catch (Exception ex) when (ex is YamlException or JsonException)
        {
            problem = $"{path} is not valid {Path.GetExtension(path).TrimStart('.').ToUpperInvariant()}: {ex.Message}";
            return null;
        }

        return keys;
    }

    private static void Yaml(YamlNode node, string prefix, IDictionary<string, string> keys)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    Yaml(v, Join(prefix, (k as YamlScalarNode)?.Value ?? k.ToString()), keys);
                }

                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Yaml(seq.Children[i], Join(prefix, i.ToString(CultureInfo.InvariantCulture)), keys);
                }

                break;
            case YamlScalarNode scalar:
                keys[prefix] = scalar.Value ?? "";
                break;
        }
    }

    private static void Json(JsonElement element, string prefix, IDictionary<string, string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Json(property.Value, Join(prefix, property.Name), keys);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Json(item, Join(prefix, (i++).ToString(CultureInfo.InvariantCulture)), keys);
                }

                break;
            default:
                keys[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
                break;
        }
    }

    /// <summary>.env, ini and properties: <c>key=value</c> (or <c>key: value</c>), <c>[section]</c> headers, # and ; comments.</summary>
    private static void Lines(string content, IDictionary<string, string> keys)
    {
        var section = "";
        foreach (var raw in content.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1].Trim();
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var split = line.IndexOfAny(['=', ':']);
            if (split <= 0)
            {
                continue;
            }

            var value = line[(split + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            keys[Join(section, line[..split].Trim())] = value;
        }
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";
}
