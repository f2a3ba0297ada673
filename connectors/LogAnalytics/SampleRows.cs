using System.Globalization;
using System.Text.Json;
using RagnarokOps.Connectors.Logs;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Connectors.LogAnalytics;

/// <summary>Maps a row of <see cref="EvidenceQueries.Samples"/> to a <see cref="LogSample"/>, stack frames included.</summary>
internal static class SampleRows
{
    public static LogSample ToSample(LogsRow row)
    {
        var status = int.TryParse(row.GetString("ResultCode"), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null;
        return new LogSample(
            row.GetDateTimeOffset("TimeGenerated") ?? default,
            row.GetString("Level") ?? "error",
            row.GetString("Message") ?? string.Empty,
            Blank(row.GetString("ExceptionType")),
            Frames(row),
            Blank(row.GetString("Method")),
            Blank(row.GetString("Url")),
            status,
            Blank(row.GetString("OperationId")));
    }

    /// <summary>
    /// App Insights' Details column: an array of exceptions, each with <c>parsedStack</c> (method, fileName,
    /// line) or a <c>rawStack</c> text. Container lines carry their stack in the text itself.
    /// </summary>
    private static List<string> Frames(LogsRow row)
    {
        var frames = new List<string>();
        if (row.Has("Details") && row.GetDynamic("Details") is { ValueKind: JsonValueKind.Array } details)
        {
            foreach (var exception in details.EnumerateArray())
            {
                if (exception.TryGetProperty("parsedStack", out var parsed) && parsed.ValueKind == JsonValueKind.Array)
                {
                    frames.AddRange(parsed.EnumerateArray().Select(Frame));
                }
                else if (exception.TryGetProperty("rawStack", out var raw) && raw.ValueKind == JsonValueKind.String)
                {
                    frames.AddRange(StackText.Parse(raw.GetString()).Frames);
                }
            }
        }

        if (frames.Count == 0 && row.Has("Stack") && row.GetString("Stack") is { Length: > 0 } stack)
        {
            frames.AddRange(StackText.Parse(stack).Frames);
        }

        return frames;
    }

    private static string Frame(JsonElement frame)
    {
        var method = Text(frame, "method") ?? "?";
        var file = Text(frame, "fileName");
        var line = frame.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
        return file is null ? $"at {method}" : line > 0 ? $"at {method} in {file}:line {line}" : $"at {method} in {file}";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
