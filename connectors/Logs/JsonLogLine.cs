using System.Globalization;
using System.Text.Json;

namespace RagnarokOps.Connectors.Logs;

/// <summary>
/// Reads one JSON log line, lenient about field names: Serilog CLEF (@t, @l, @m, @x), ECS-like
/// (@timestamp, log.level, error.stack_trace), bunyan/pino (time, level as a number, msg, err) and plain
/// camelCase or snake_case names.
/// </summary>
internal static class JsonLogLine
{
    private static readonly string[] TimestampNames = ["@t", "timestamp", "@timestamp", "time", "ts", "datetime", "date", "TimeGenerated"];
    private static readonly string[] LevelNames = ["@l", "level", "log.level", "severity", "lvl", "loglevel", "levelname", "SeverityLevel"];
    private static readonly string[] MessageNames = ["@m", "message", "msg", "@mt", "text"];
    private static readonly string[] ExceptionNames = ["@x", "exception", "error", "err", "exc", "exc_info"];
    private static readonly string[] StackNames = ["stack", "stack_trace", "stackTrace", "stacktrace", "error.stack_trace", "exception.stacktrace"];
    private static readonly string[] ExceptionTypeNames = ["exceptionType", "exception_type", "errorType", "error.type", "exception.type", "ExceptionType"];
    private static readonly string[] ServiceNames = ["service", "service.name", "serviceName", "app", "application", "AppRoleName", "cloud_RoleName", "component"];
    private static readonly string[] PathNames = ["path", "requestPath", "request_path", "url.path", "http.path", "route", "url", "http.url", "request.path"];
    private static readonly string[] MethodNames = ["method", "http_method", "requestMethod", "request_method", "http.method", "http.request.method", "request.method"];
    private static readonly string[] StatusNames = ["status", "statusCode", "status_code", "http.status_code", "http.response.status_code", "ResultCode", "response.status"];
    // ECS's http.request.body.content, Serilog's RequestBody, and the plain names: some services log the body of a failed request.
    private static readonly string[] BodyNames = ["request_body", "requestBody", "RequestBody", "http.request.body.content", "request.body", "body"];
    private static readonly string[] RequestIdNames = ["requestId", "request_id", "RequestId", "traceId", "trace_id", "correlationId", "operation_Id", "OperationId"];

    /// <summary>A body logged as a string, or as a JSON object or array (then its JSON text).</summary>
    private static string? Body(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } v => v.GetRawText(),
        _ => null,
    };

    public static LogRecord? Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || ParseTimestamp(Find(root, TimestampNames)) is not { } timestamp)
            {
                return null;
            }

            var (exceptionType, exceptionMessage, frames) = ReadException(root);
            var message = Text(Find(root, MessageNames)) ?? exceptionMessage ?? string.Empty;
            var isClef = root.TryGetProperty("@t", out _);
            return new LogRecord(
                timestamp,
                ParseLevel(Find(root, LevelNames), isClef),
                message,
                exceptionType,
                exceptionMessage,
                frames,
                Text(Find(root, ServiceNames)),
                Text(Find(root, MethodNames)),
                Text(Find(root, PathNames)),
                ParseStatus(Find(root, StatusNames)),
                Text(Find(root, RequestIdNames)),
                Body(Find(root, BodyNames, objects: true)));
        }
    }

    private static (string? Type, string? Message, IReadOnlyList<string> Frames) ReadException(JsonElement root)
    {
        var explicitType = Text(Find(root, ExceptionTypeNames));
        var stack = Text(Find(root, StackNames));
        var exception = Find(root, ExceptionNames, objects: true);
        string? type = null, message = null;
        IReadOnlyList<string> frames = [];
        if (exception is { ValueKind: JsonValueKind.Object } obj)
        {
            // {"type"|"name"|"class", "message", "stack"}: what pino, bunyan and structured loggers write.
            type = Text(Find(obj, ["type", "name", "class", "exceptionType"]));
            message = Text(Find(obj, ["message", "msg"]));
            stack ??= Text(Find(obj, StackNames));
        }
        else if (Text(exception) is { } text)
        {
            (type, message, frames) = StackText.Parse(text);
        }

        if (stack is not null)
        {
            var parsed = StackText.Parse(stack);
            type ??= parsed.Type;
            message ??= parsed.Message;
            frames = parsed.Frames.Count > 0 ? parsed.Frames : frames;
        }

        type = explicitType ?? type;
        if (type is null && exception is not null && message is null && Text(exception) is { } bare)
        {
            message = bare;
        }

        return (type, message, frames);
    }

    /// <summary>
    /// Finds a property by any of its names, case-insensitive, flat ("http.method") or nested. Objects only
    /// count when asked for, so ECS's <c>"service": {"name": …}</c> falls through to <c>service.name</c>.
    /// </summary>
    private static JsonElement? Find(JsonElement root, string[] names, bool objects = false)
    {
        foreach (var name in names)
        {
            if (FindOne(root, name) is { } found
                && found.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined
                && (objects || found.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array))
            {
                return found;
            }
        }

        return null;
    }

    private static JsonElement? FindOne(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && FindOne(element, name[..dot]) is { } child ? FindOne(child, name[(dot + 1)..]) : null;
    }

    private static string? Text(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString() is { Length: > 0 } s ? s : null,
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } e => e.GetRawText(),
        _ => null,
    };

    private static DateTimeOffset? ParseTimestamp(JsonElement? element)
    {
        if (element is { ValueKind: JsonValueKind.Number } number && number.TryGetDouble(out var epoch))
        {
            // Seconds or milliseconds since the epoch; anything past year 2286 in seconds must be milliseconds.
            return epoch > 1e10 ? DateTimeOffset.FromUnixTimeMilliseconds((long)epoch) : DateTimeOffset.FromUnixTimeMilliseconds((long)(epoch * 1000));
        }

        return Text(element) is { } text ? LogTimestamp.Parse(text) : null;
    }

    private static string ParseLevel(JsonElement? element, bool isClef)
    {
        if (element is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var n))
        {
            // bunyan/pino: 10 trace … 50 error, 60 fatal; App Insights SeverityLevel: 0 verbose … 3 error, 4 critical.
            return n switch
            {
                >= 60 => "fatal",
                >= 50 => "error",
                >= 40 => "warning",
                >= 30 => "information",
                >= 10 => "debug",
                4 => "critical",
                3 => "error",
                2 => "warning",
                1 => "information",
                _ => "verbose",
            };
        }

        // CLEF omits @l for Information.
        return Text(element)?.ToLowerInvariant() ?? (isClef ? "information" : "unknown");
    }

    private static int? ParseStatus(JsonElement? element) =>
        Text(element) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and < 600
            ? status
            : null;
}
