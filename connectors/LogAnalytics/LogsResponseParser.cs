using System.Globalization;
using System.Text.Json;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>
/// Reads the query API's documented shapes: <c>{"tables":[{"name","columns":[{"name","type"}],"rows":[[…]]}],
/// "error"?}</c> on 200 (an <c>error</c> beside tables is a partial error), and the OneAPI error object
/// <c>{"error":{"code","message","correlationId"?,"details"?,"innererror"?}}</c> on failures.
/// </summary>
internal static class LogsResponseParser
{
    public static LogsQueryResult ParseSuccess(BinaryData body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("tables", out var tables) || tables.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("the body has no \"tables\" array");
            }

            var parsed = tables.EnumerateArray().Select(ParseTable).ToList();
            var warnings = new List<string>();
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                warnings.Add($"Log Analytics returned a partial result: {DescribeError(error)}");
            }

            return new LogsQueryResult(parsed, warnings);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
        {
            throw Malformed(e.Message, e);
        }
    }

    /// <summary>The exception for a non-success status, with the service's code and message when the body has them.</summary>
    public static LogAnalyticsException ParseFailure(int status, string? reason, BinaryData? body)
    {
        try
        {
            if (body is not null && body.ToMemory().Length > 0)
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    return new LogAnalyticsException(status, Text(error, "code") ?? $"Http{status}", DescribeError(error, includeCode: false), Text(error, "correlationId"));
                }
            }
        }
        catch (JsonException)
        {
            // Not a OneAPI body (a gateway's HTML page, say): fall back to the status line.
        }

        return new LogAnalyticsException(status, $"Http{status}", string.IsNullOrEmpty(reason) ? "the service gave no error details" : reason);
    }

    private static LogsTable ParseTable(JsonElement table)
    {
        var name = Text(table, "name") ?? "PrimaryResult";
        var columns = table.GetProperty("columns").EnumerateArray()
            .Select(c => new LogsColumn(Text(c, "name") ?? throw Malformed("a column has no name"), (Text(c, "type") ?? "string").ToLowerInvariant()))
            .ToList();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            ordinals.TryAdd(columns[i].Name, i);
        }

        var rows = new List<LogsRow>();
        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            if (row.GetArrayLength() != columns.Count)
            {
                throw Malformed($"table {name}: a row has {row.GetArrayLength()} cells for {columns.Count} columns");
            }

            var values = new object?[columns.Count];
            var i = 0;
            foreach (var cell in row.EnumerateArray())
            {
                values[i] = Convert(cell, columns[i]);
                i++;
            }

            rows.Add(new LogsRow(ordinals, values));
        }

        return new LogsTable(name, columns, rows);
    }

    private static object? Convert(JsonElement cell, LogsColumn column)
    {
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        return column.Type switch
        {
            "string" => cell.ValueKind == JsonValueKind.String ? cell.GetString() : cell.GetRawText(),
            "datetime" => DateTimeOffset.Parse(cell.GetString()!, inv, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            "long" => cell.ValueKind == JsonValueKind.String ? long.Parse(cell.GetString()!, inv) : cell.GetInt64(),
            "int" => cell.ValueKind == JsonValueKind.String ? int.Parse(cell.GetString()!, inv) : cell.GetInt32(),
            "real" => cell.ValueKind == JsonValueKind.String ? double.Parse(cell.GetString()!, inv) : cell.GetDouble(),
            "decimal" => cell.ValueKind == JsonValueKind.String ? decimal.Parse(cell.GetString()!, NumberStyles.Float, inv) : cell.GetDecimal(),
            "bool" => cell.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => cell.GetInt32() != 0,
                _ => bool.Parse(cell.GetString()!),
            },
            "guid" => Guid.Parse(cell.GetString()!),
            "timespan" => TimeSpan.Parse(cell.GetString()!, inv),
            // Dynamic values arrive as JSON text inside a string; keep them as parsed JSON.
            "dynamic" => cell.ValueKind == JsonValueKind.String ? ParseDynamic(cell.GetString()!) : cell.Clone(),
            _ => cell.ValueKind == JsonValueKind.String ? cell.GetString() : cell.Clone(),
        };
    }

    private static JsonElement ParseDynamic(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A dynamic scalar that is a plain string ("abc") is sent unquoted.
            return JsonSerializer.SerializeToElement(text);
        }
    }

    /// <summary>"code: message (detail code: detail message; …; inner: …)".</summary>
    private static string DescribeError(JsonElement error, bool includeCode = true)
    {
        var parts = new List<string>();
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            parts.AddRange(details.EnumerateArray().Select(d => Join(Text(d, "code"), Innermost(d) ?? Text(d, "message"))));
        }
        else if (Innermost(error) is { } inner)
        {
            parts.Add(inner);
        }

        var head = includeCode ? Join(Text(error, "code"), Text(error, "message")) : Text(error, "message") ?? "no message";
        return parts.Count == 0 ? head : $"{head} ({string.Join("; ", parts.Where(p => p.Length > 0))})";
    }

    private static string? Innermost(JsonElement error)
    {
        string? message = null;
        var current = error;
        while (current.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            message = Join(Text(inner, "code"), Text(inner, "message"));
            current = inner;
        }

        return message;
    }

    private static string Join(string? code, string? message) =>
        code is null ? message ?? string.Empty : message is null ? code : $"{code}: {message}";

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static LogAnalyticsException Malformed(string why, Exception? inner = null) =>
        new(200, "MalformedResponse", $"the query response could not be read: {why}", inner: inner);
}
