using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagnarokOps.Connectors.GitLab.Webhooks;

/// <summary>
/// Turns System.Text.Json's messages about a webhook body into plain words that name the field:
/// <c>object_attributes.iid: expected a whole number, found text ("abc")</c>, <c>missing field(s): project</c>,
/// <c>not valid JSON at line 1, byte 17</c>.
/// </summary>
internal static partial class WebhookBodyErrors
{
    public static string Describe(JsonException exception, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (Missing().Match(message) is { Success: true } missing)
        {
            var fields = missing.Groups["fields"].Value.Trim().TrimEnd('.').Replace("'", "", StringComparison.Ordinal);
            var at = Field(exception.Path);
            return at.Length == 0 ? $"missing field(s): {fields}" : $"{at}: missing field(s): {fields}";
        }

        var field = Field(exception.Path);
        if (Converted().Match(message) is { Success: true } converted && field.Length > 0)
        {
            var found = Found(body, exception.Path!);
            return $"{field}: expected {Expected(converted.Groups["type"].Value)}{(found is null ? "" : $", found {found}")}";
        }

        if (exception.LineNumber is null && field.Length == 0)
        {
            return message.TrimEnd('.');
        }

        var where = exception.LineNumber is { } line
            ? $" at line {(line + 1).ToString(CultureInfo.InvariantCulture)}, byte {(exception.BytePositionInLine ?? 0).ToString(CultureInfo.InvariantCulture)}"
            : "";
        return field.Length > 0 ? $"{field}: not valid here{where}" : $"the body is not valid JSON{where}";
    }

    /// <summary><c>$.object_attributes.iid</c> → <c>object_attributes.iid</c>; <c>$['a b']</c> → <c>a b</c>.</summary>
    internal static string Field(string? path) =>
        path is null ? "" : path.TrimStart('$').TrimStart('.').Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');

    private static string Expected(string type) => type switch
    {
        "System.Int64" or "System.Int32" or "System.Nullable`1[System.Int64]" or "System.Nullable`1[System.Int32]" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        "System.String" => "text",
        "System.DateTimeOffset" or "System.Nullable`1[System.DateTimeOffset]" or "System.DateTime" => "a date and time",
        _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "a list",
        _ => "an object",
    };

    /// <summary>What the body holds at the path, in words ("text (\"abc\")", "a number (3)", "a list"), or null when it cannot be found.</summary>
    private static string? Found(ReadOnlySpan<byte> body, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var element = document.RootElement;
            foreach (Match step in Step().Matches(path))
            {
                if (step.Groups["name"].Success)
                {
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step.Groups["name"].Value, out element))
                    {
                        return null;
                    }
                }
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(step.Groups["index"].Value, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else
                {
                    return null;
                }
            }

            return element.ValueKind switch
            {
                JsonValueKind.String => $"text (\"{Clip(element.GetString() ?? "")}\")",
                JsonValueKind.Number => $"a number ({Clip(element.GetRawText())})",
                JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
                JsonValueKind.Array => "a list",
                JsonValueKind.Object => "an object",
                JsonValueKind.Null => "null",
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"missing required properties,? including(?: the following)?: (?<fields>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Missing();

    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+?)\.? Path", RegexOptions.IgnoreCase)]
    private static partial Regex Converted();

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_@-]+)|\['(?<name>[^']+)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
