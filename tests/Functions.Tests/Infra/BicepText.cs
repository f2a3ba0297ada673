using System.Text;
using System.Text.RegularExpressions;

namespace RagnarokOps.Functions.Tests.Infra;

/// <summary>
/// Just enough of Bicep's lexical rules to check a template without the Bicep CLI: comments, '…' strings with
/// \ escapes and ${…} interpolation, and '''…''' strings. <see cref="Code"/> is the text with comments removed and
/// literal string text blanked (quotes and interpolated expressions kept), so brackets and names can be counted.
/// </summary>
internal sealed partial class BicepText
{
    private BicepText(string code, string noComments, IReadOnlyList<string> problems)
    {
        Code = code;
        NoComments = noComments;
        Problems = problems;
    }

    public string Code { get; }

    /// <summary>The text without comments, strings intact; same offsets as <see cref="Code"/>.</summary>
    public string NoComments { get; }

    /// <summary>Lexical errors with line numbers: unterminated strings or comments, newlines inside '…'.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static int LineOf(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n') + 1;

    public static BicepText Parse(string text)
    {
        var code = new StringBuilder(text.Length);
        var plain = new StringBuilder(text.Length);
        var problems = new List<string>();
        var interpolations = new Stack<int>();
        var depth = 0;
        var inString = false;
        var stringStart = 0;

        void Keep(char c)
        {
            code.Append(c);
            plain.Append(c);
        }

        void Blank(char c)
        {
            code.Append(c == '\n' ? '\n' : ' ');
            plain.Append(c);
        }

        void Drop(char c)
        {
            code.Append(c == '\n' ? '\n' : ' ');
            plain.Append(c == '\n' ? '\n' : ' ');
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (inString)
            {
                if (c == '\\' && next != '\0')
                {
                    Blank(c);
                    Blank(text[++i]);
                }
                else if (c == '$' && next == '{')
                {
                    Keep(c);
                    Keep(text[++i]);
                    interpolations.Push(depth);
                    inString = false;
                }
                else if (c == '\'')
                {
                    Keep(c);
                    inString = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        problems.Add($"line {LineOf(text, stringStart)}: string not closed on its line");
                        inString = false;
                    }

                    Blank(c);
                }
            }
            else if (c == '/' && next == '/')
            {
                for (; i < text.Length && text[i] != '\n'; i++)
                {
                    Drop(text[i]);
                }

                if (i < text.Length)
                {
                    Keep('\n');
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"line {LineOf(text, i)}: comment not closed");
                    end = text.Length - 2;
                }

                for (; i < end + 2; i++)
                {
                    Drop(text[i]);
                }

                i--;
            }
            else if (text.AsSpan(i).StartsWith("'''"))
            {
                var end = text.IndexOf("'''", i + 3, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"line {LineOf(text, i)}: ''' string not closed");
                    end = text.Length - 3;
                }

                for (var j = i; j < end + 3; j++)
                {
                    if (j - i < 3 || j >= end)
                    {
                        Keep(text[j]);
                    }
                    else
                    {
                        Blank(text[j]);
                    }
                }

                i = end + 2;
            }
            else if (c == '\'')
            {
                Keep(c);
                inString = true;
                stringStart = i;
            }
            else if (c == '}' && interpolations.Count > 0 && interpolations.Peek() == depth)
            {
                Keep(c);
                interpolations.Pop();
                inString = true;
            }
            else
            {
                depth += c switch { '{' => 1, '}' => -1, _ => 0 };
                Keep(c);
            }
        }

        if (inString)
        {
            problems.Add($"line {LineOf(text, stringStart)}: string not closed");
        }

        return new BicepText(code.ToString(), plain.ToString(), problems);
    }

    /// <summary>The first bracket that does not match, or that is never closed, as "line N: …"; null when all match.</summary>
    public string? UnbalancedBracket()
    {
        var open = new Stack<(char Bracket, int Offset)>();
        for (var i = 0; i < Code.Length; i++)
        {
            var c = Code[i];
            if (c is '{' or '[' or '(')
            {
                open.Push((c, i));
            }
            else if (c is '}' or ']' or ')')
            {
                var expected = c switch { '}' => '{', ']' => '[', _ => '(' };
                if (open.Count == 0 || open.Peek().Bracket != expected)
                {
                    return $"line {LineOf(Code, i)}: '{c}' closes nothing open";
                }

                open.Pop();
            }
        }

        return open.Count == 0 ? null : $"line {LineOf(Code, open.Peek().Offset)}: '{open.Peek().Bracket}' is never closed";
    }

    /// <summary>The body of the bracketed block that starts at the first match of <paramref name="opening"/> after <paramref name="from"/>.</summary>
    public string Block(string opening, int from = 0)
    {
        var start = NoComments.IndexOf(opening, from, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"main.bicep has no '{opening}'");
        }

        var first = Code.IndexOfAny(['{', '['], start + opening.Length - 1);
        var depth = 0;
        for (var i = first; i < Code.Length; i++)
        {
            depth += Code[i] switch { '{' or '[' => 1, '}' or ']' => -1, _ => 0 };
            if (depth == 0)
            {
                return NoComments[start..(i + 1)];
            }
        }

        throw new InvalidOperationException($"'{opening}' is never closed");
    }

    /// <summary>Top-level resources: symbol, type with API version, and the text of the declaration.</summary>
    public IEnumerable<(string Symbol, string Type, string Body)> Resources() =>
        ResourceLine().Matches(NoComments).Select(m => (m.Groups["symbol"].Value, m.Groups["type"].Value, Block(m.Value, m.Index)));

    [GeneratedRegex(@"^resource\s+(?<symbol>\w+)\s+'(?<type>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ResourceLine();
}
