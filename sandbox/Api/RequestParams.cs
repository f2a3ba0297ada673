using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RagnarokOps.Sandbox.Api;

/// <summary>
/// GitLab takes attributes from the query string, a form or a JSON body alike; this merges all three
/// into one object (JSON body wins) so endpoints read parameters one way.
/// </summary>
internal static class RequestParams
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = new JsonObject();
        foreach (var (key, values) in request.Query)
        {
            Add(result, key, values);
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, values) in form)
            {
                Add(result, key, values);
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                if (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) is JsonObject body)
                {
                    foreach (var (key, value) in body)
                    {
                        result[key] = value?.DeepClone();
                    }
                }
            }
            catch (JsonException)
            {
                throw new BadRequestException("400 Bad request - body is not valid JSON");
            }
        }

        return result;
    }

    private static void Add(JsonObject result, string key, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (key.EndsWith("[]", StringComparison.Ordinal))
        {
            result[key[..^2]] = values.Select(v => v ?? string.Empty).Strings();
        }
        else
        {
            result[key] = values.ToString();
        }
    }

    /// <summary>GitLab's comma-separated or array label lists.</summary>
    public static List<string>? Labels(JsonObject p, string key) => p[key] switch
    {
        null => null,
        JsonArray a => a.Select(n => n?.ToString() ?? string.Empty).Where(s => s.Length > 0).ToList(),
        var n => n.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
    };

    /// <summary>An ISO 8601 time filter (since, until, updated_after); a zone-less value is UTC, as GitLab reads it.</summary>
    public static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    public static string Required(JsonObject p, string key) =>
        p.OptStr(key) is { Length: > 0 } value ? value : throw new BadRequestException($"400 (Bad request) \"{key}\" not given");
}

/// <summary>A 400 with GitLab's <c>{"message": ...}</c> body.</summary>
internal sealed class BadRequestException(string message) : Exception(message);

/// <summary>A 404 with GitLab's <c>{"message": "404 {what} Not Found"}</c> body.</summary>
internal sealed class NotFoundException(string what) : Exception($"404 {what} Not Found")
{
    public string What { get; } = what;
}
