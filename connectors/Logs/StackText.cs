using System.Text.RegularExpressions;

namespace RagnarokOps.Connectors.Logs;

/// <summary>Splits exception text ("Type: message\n   at …") into its type, message and frame lines.</summary>
internal static partial class StackText
{
    public static (string? Type, string? Message, IReadOnlyList<string> Frames) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, []);
        }

        string? type = null;
        string? message = null;
        var frames = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (IsFrame(line))
            {
                frames.Add(line.Trim());
            }
            else if (type is null && ExceptionHeader().Match(line.Trim()) is { Success: true } header)
            {
                type = header.Groups["type"].Value;
                message = header.Groups["message"].Value.Trim();
            }
        }

        return (type, message, frames);
    }

    /// <summary>A stack frame line in .NET, Java, Node or Python form.</summary>
    public static bool IsFrame(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("at ", StringComparison.Ordinal)
            || trimmed.StartsWith("File \"", StringComparison.Ordinal)
            || trimmed.StartsWith("--- End of", StringComparison.Ordinal);
    }

    /// <summary>Finds "Some.TypeException: message" at the start of a line (also after "Unhandled exception. ").</summary>
    public static (string Type, string Message)? FindHeader(string line)
    {
        var match = ExceptionHeader().Match(line.Trim());
        return match.Success ? (match.Groups["type"].Value, match.Groups["message"].Value.Trim()) : null;
    }

    [GeneratedRegex(@"^(?:Unhandled exception\.\s*|Caused by:\s*)?(?<type>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:Exception|Error|Fault))(?::\s*(?<message>.*)|$)")]
    private static partial Regex ExceptionHeader();
}
