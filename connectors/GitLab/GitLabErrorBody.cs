using System.Text;
using System.Text.Json;

namespace RagnarokOps.Connectors.GitLab;

/// <summary>
/// GitLab's error bodies: {"message": "…"}, {"message": {"field": ["…"]}}, {"message": ["…"]}, {"error": "…"},
/// sometimes with "error_code"; and plain text (429 from the rate limiter, HTML from a proxy).
/// </summary>
internal sealed record GitLabErrorBody(string? Message, string? ErrorCode)
{
    private const int MaxLength = 1000;

    public static GitLabErrorBody Parse(string? body, string? secret)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new(null, null);
        }

        string? message;
        string? code = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            message = root.ValueKind == JsonValueKind.Object
                ? Flatten(root.TryGetProperty("message", out var m) ? m : root.TryGetProperty("error", out var e) ? e : default)
                : Flatten(root);
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var c) && c.ValueKind == JsonValueKind.String)
            {
                code = c.GetString();
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String)
            {
                message = message is null ? d.GetString() : $"{message} ({d.GetString()})";
            }
        }
        catch (JsonException)
        {
            message = body.Trim();
        }

        return new(Clean(message, secret), code);
    }

    private static string? Flatten(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(Flatten).Where(s => !string.IsNullOrEmpty(s));
                return string.Join("; ", items);
            case JsonValueKind.Object:
                var builder = new StringBuilder();
                foreach (var property in element.EnumerateObject())
                {
                    if (builder.Length > 0)
                    {
                        builder.Append("; ");
                    }

                    builder.Append(property.Name).Append(": ").Append(Flatten(property.Value));
                }

                return builder.ToString();
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            default:
                return element.GetRawText();
        }
    }

    private static string? Clean(string? message, string? secret)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        // Bodies are the server's words, not ours; a proxy echoing the request could still carry the token.
        if (!string.IsNullOrEmpty(secret))
        {
            message = message.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }

        message = message.ReplaceLineEndings(" ").Trim();
        return message.Length <= MaxLength ? message : message[..MaxLength] + "…";
    }
}
