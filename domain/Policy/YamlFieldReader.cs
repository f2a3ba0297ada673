using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagnarokOps.Domain.Policy;

/// <summary>
/// Reads typed values out of a YAML node tree while collecting every problem with its position.
/// Nothing throws: a bad value records an error and yields null, so one pass reports all errors at once.
/// </summary>
internal sealed class YamlFieldReader(string file)
{
    public string File { get; } = file;

    public List<PolicyError> Errors { get; } = [];

    /// <summary>Parses <paramref name="text"/>; a syntax error is recorded and yields null.</summary>
    public YamlNode? Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : ex.Message;
            Errors.Add(new PolicyError(File, (int)ex.Start.Line, (int)ex.Start.Column, "", TrimPosition(message)));
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    public void Error(YamlNode node, string field, string message) =>
        Errors.Add(new PolicyError(File, (int)node.Start.Line, (int)node.Start.Column, field, message));

    public YamlMappingNode? Mapping(YamlNode? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode map:
                return map;
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                return null;
            default:
                Error(node, field, "expected a mapping (key: value lines)");
                return null;
        }
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode seq:
                return seq;
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                return null;
            default:
                Error(node, field, "expected a list (lines starting with '- ')");
                return null;
        }
    }

    public static YamlNode? Child(YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>Records an error for every key not in <paramref name="known"/> (typos must not pass silently).</summary>
    public void RejectUnknownKeys(YamlMappingNode? map, string field, params string[] known)
    {
        if (map is null)
        {
            return;
        }

        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Error(key, Join(field, name), $"unknown key '{name}' (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public string? String(YamlMappingNode? map, string key, string field, bool required = false)
    {
        var node = Child(map, key);
        var path = Join(field, key);
        if (node is null)
        {
            if (required && map is not null)
            {
                Error(map, path, "is required");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(node, path, "expected a single value");
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            if (required)
            {
                Error(node, path, "must not be empty");
            }

            return null;
        }

        return scalar.Value;
    }

    /// <summary>A list of strings; a single scalar is accepted as a list of one.</summary>
    public IReadOnlyList<string> Strings(YamlMappingNode? map, string key, string field)
    {
        var node = Child(map, key);
        var path = Join(field, key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode { Value: var v }:
                return string.IsNullOrWhiteSpace(v) ? [] : [v!];
            case YamlSequenceNode seq:
                var list = new List<string>(seq.Children.Count);
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    if (seq.Children[i] is YamlScalarNode { Value: { Length: > 0 } item })
                    {
                        list.Add(item);
                    }
                    else
                    {
                        Error(seq.Children[i], $"{path}[{i}]", "expected a non-empty text value");
                    }
                }

                return list;
            default:
                Error(node, path, "expected a list of values");
                return [];
        }
    }

    public bool? Bool(YamlMappingNode? map, string key, string field)
    {
        var text = String(map, key, field);
        if (text is null)
        {
            return null;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(Child(map, key)!, Join(field, key), $"expected true or false, got '{text}'");
                return null;
        }
    }

    public double? Number(YamlMappingNode? map, string key, string field, double min, double max)
    {
        var text = String(map, key, field);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(Child(map, key)!, Join(field, key), $"expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
            return null;
        }

        return value;
    }

    public static string Join(string field, string key) => field.Length == 0 ? key : $"{field}.{key}";

    private static string TrimPosition(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the caller prints the position itself.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && index > 0 ? message[(index + 3)..] : message;
    }
}
