using System.Globalization;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// Reads stack frames as .NET, Java, Python, Node and Go print them. The scorer uses the file paths to
/// meet changed files, so a frame without a file still keeps its symbol.
/// </summary>
public static partial class StackFrameParser
{
    /// <summary>Every line of <paramref name="text"/> that looks like a stack frame.</summary>
    public static IReadOnlyList<StackFrame> ParseAll(string text)
    {
        var frames = new List<StackFrame>();
        foreach (var raw in text.Split('\n'))
        {
            if (TryParse(raw, out var frame))
            {
                frames.Add(frame);
            }
        }

        return frames;
    }

    public static bool TryParse(string line, out StackFrame frame)
    {
        var trimmed = line.Trim().TrimStart('>', '-', '*', '`', ' ').TrimEnd('`');
        frame = null!;
        if (trimmed.Length == 0)
        {
            return false;
        }

        var python = PythonFrame().Match(trimmed);
        if (python.Success)
        {
            frame = new StackFrame(trimmed, python.Groups["sym"].Value, NormalizePath(python.Groups["file"].Value), ParseLine(python.Groups["line"].Value));
            return true;
        }

        var file = FileWithLine().Match(trimmed);
        var at = AtSymbol().Match(trimmed);
        if (!file.Success && !at.Success)
        {
            return false;
        }

        var symbol = at.Success ? at.Groups["sym"].Value : null;
        var path = file.Success ? NormalizePath(file.Groups["file"].Value) : null;
        int? lineNo = file.Success ? ParseLine(file.Groups["line"].Value) : null;
        frame = new StackFrame(trimmed, symbol, path, lineNo);
        return true;
    }

    /// <summary>Forward slashes, no leading <c>./</c>; Windows drive letters kept (they never match repo paths anyway).</summary>
    public static string NormalizePath(string path) => path.Replace('\\', '/').TrimStart('.', '/').Trim();

    private static int? ParseLine(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex("""^File "(?<file>[^"]+)", line (?<line>\d+)(?:, in (?<sym>\S+))?""")]
    private static partial Regex PythonFrame();

    // "in /src/X.cs:line 42", "(X.java:42)", "(/app/x.js:10:5)", "/app/x.go:42 +0x1d"
    [GeneratedRegex(@"(?<file>(?:[A-Za-z]:)?[\w./\\@-]*[\w-]+\.(?:cs|java|kt|scala|py|js|mjs|cjs|ts|tsx|jsx|go|rb|php|fs|vb|rs|cpp|cc|c|h|swift))(?::line |:)(?<line>\d+)")]
    private static partial Regex FileWithLine();

    [GeneratedRegex(@"^at (?:async )?(?<sym>[\w.$<>`+]+(?:\.[\w$<>`]+)*)")]
    private static partial Regex AtSymbol();
}
