using System.Globalization;
using System.Text;

namespace RagnarokOps.Domain.Repro;

/// <summary>
/// Puts untrusted text into generated code and Markdown safely: string literals per language, identifiers,
/// one-line comments, inline code and fences. Everything a writer embeds goes through here.
/// </summary>
internal static class CodeText
{
    /// <summary>A C# regular string literal; line separators are escaped because C# treats them as new lines.</summary>
    public static string CSharp(string text) => Quoted(text, c => $"\\u{(int)c:X4}");

    /// <summary>A Python double-quoted literal (never triple-quoted, so a body holding <c>"""</c> stays inside).</summary>
    public static string Python(string text) => Quoted(text, c => c <= 0xFF ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}");

    /// <summary>A Go interpreted string literal.</summary>
    public static string Go(string text) => Quoted(text, c => $"\\u{(int)c:x4}");

    /// <summary>A JavaScript / TypeScript double-quoted literal.</summary>
    public static string JavaScript(string text) => Quoted(text, c => $"\\u{(int)c:x4}");

    /// <summary>
    /// A Java literal. Java turns <c>\uXXXX</c> into characters before it lexes, so a <c>\u0022</c> would close the
    /// string: control characters use octal escapes instead, and backslashes are doubled so no <c>\u</c> survives.
    /// </summary>
    public static string Java(string text) => Quoted(text, c => c <= 0xFF ? "\\" + Convert.ToString(c, 8).PadLeft(3, '0') : c.ToString());

    /// <summary>A POSIX shell single-quoted word: nothing inside is expanded.</summary>
    public static string Shell(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>One line fit for a <c>//</c> or <c>#</c> comment: no line breaks, no control characters, clipped.</summary>
    public static string OneLine(string text, int max = 200)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsLineBreakOrControl(c) ? ' ' : c);
        }

        var line = builder.ToString().Trim();
        return line.Length <= max ? line : line[..max] + "…";
    }

    /// <summary>Letters and digits of <paramref name="text"/> as words, for names in any language.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    public static string Pascal(IEnumerable<string> words) =>
        string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    public static string Snake(IEnumerable<string> words) => string.Join('_', words.Select(w => w.ToLowerInvariant()));

    /// <summary>Markdown inline code that holds any text: the backtick run is longer than any inside.</summary>
    public static string InlineCode(string text)
    {
        var line = OneLine(text, 300);
        var ticks = new string('`', LongestRun(line, '`') + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : string.Empty;
        return $"{ticks}{pad}{line}{pad}{ticks}";
    }

    /// <summary>A fenced Markdown block whose fence cannot be closed by the content.</summary>
    public static string Fence(string language, string content)
    {
        var fence = new string('`', Math.Max(3, LongestRun(content, '`') + 1));
        return $"{fence}{language}\n{content.TrimEnd('\n')}\n{fence}";
    }

    private static string Quoted(string text, Func<char, string> escapeOther)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsLineBreakOrControl(c) => escapeOther(c),
                _ => c.ToString(CultureInfo.InvariantCulture),
            });
        }

        return builder.Append('"').ToString();
    }

    private static bool IsLineBreakOrControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
