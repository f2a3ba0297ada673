using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Classification;

/// <summary>
/// Finds literal text a regular expression cannot match without: a set of strings of which at least one must occur
/// in any matching line (compared case-insensitively when <see cref="IgnoresCase"/> says the pattern does).
/// It lets the classifier skip the regex for the vast majority of log lines, which contain none of them.
/// The answer is conservative: when in doubt (a construct it does not model) it returns null and the regex runs on every line.
/// </summary>
internal static partial class RegexLiterals
{
    public const int MinLength = 3;

    /// <summary>True when the pattern may match regardless of case (an inline <c>i</c> option anywhere in it).</summary>
    public static bool IgnoresCase(string pattern) => InlineIgnoreCase().IsMatch(pattern);

    /// <summary>The required literals of <paramref name="pattern"/>, or null when it has none worth using.</summary>
    public static IReadOnlyList<string>? Required(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var set = parser.Alternation();
            return parser.AtEnd && !parser.Unsupported ? set : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\(\?[imnsx-]*i")]
    private static partial Regex InlineIgnoreCase();

    private sealed class Parser(string pattern)
    {
        private int _pos;

        public bool AtEnd => _pos >= pattern.Length;

        public bool Unsupported { get; private set; }

        /// <summary>alternative ('|' alternative)*; a literal set only when every alternative has one.</summary>
        public List<string>? Alternation()
        {
            var union = new List<string>();
            var complete = true;
            while (true)
            {
                var set = Sequence();
                if (set is null)
                {
                    complete = false;
                }
                else
                {
                    union.AddRange(set);
                }

                if (_pos < pattern.Length && pattern[_pos] == '|')
                {
                    _pos++;
                    continue;
                }

                return complete ? union.Distinct(StringComparer.Ordinal).ToList() : null;
            }
        }

        private List<string>? Sequence()
        {
            var run = new StringBuilder();
            List<string>? best = null;

            void Flush()
            {
                if (run.Length >= MinLength)
                {
                    best = Better(best, [run.ToString()]);
                }

                run.Clear();
            }

            while (_pos < pattern.Length && pattern[_pos] is not ('|' or ')'))
            {
                var c = pattern[_pos];
                switch (c)
                {
                    case '(':
                        var group = Group();
                        var (min, _) = Quantifier();
                        Flush();
                        if (group is not null && min >= 1)
                        {
                            best = Better(best, group);
                        }

                        break;
                    case '[':
                        SkipClass();
                        Quantifier();
                        Flush();
                        break;
                    case '.' or '^' or '$':
                        _pos++;
                        Quantifier();
                        Flush();
                        break;
                    case '\\':
                        var literal = Escape();
                        AddChar(literal);
                        break;
                    case '*' or '+' or '?' or '{':
                        // A quantifier with nothing before it: not ours to judge.
                        throw new FormatException();
                    default:
                        _pos++;
                        AddChar(c);
                        break;
                }
            }

            Flush();
            return best;

            void AddChar(char? literal)
            {
                var (min, max) = Quantifier();
                if (literal is null)
                {
                    Flush();
                    return;
                }

                if (min == 0)
                {
                    Flush();
                    return;
                }

                // "x{3,}" guarantees "xxx" here; "x+" guarantees one x.
                run.Append(literal.Value, Math.Min(min, 8));
                if (max != min)
                {
                    // "a+" or "a{2,}": the char is there at least once, but what follows is not adjacent to it.
                    Flush();
                }
            }
        }

        private static List<string> Better(List<string>? current, List<string> candidate)
        {
            if (candidate.Any(s => s.Length < MinLength))
            {
                return current!;
            }

            if (current is null)
            {
                return candidate;
            }

            // Fewer alternatives and longer strings mean fewer false candidates.
            static double Score(List<string> set) => set.Min(s => Math.Min(s.Length, 12)) / (double)set.Count;
            return Score(candidate) > Score(current) ? candidate : current;
        }

        private List<string>? Group()
        {
            _pos++; // (
            var capturing = true;
            if (Peek('?'))
            {
                _pos++;
                var kind = _pos < pattern.Length ? pattern[_pos] : '\0';
                switch (kind)
                {
                    case ':':
                        _pos++;
                        break;
                    case '=' or '!':
                        _pos++;
                        capturing = false;
                        break;
                    case '<' when _pos + 1 < pattern.Length && pattern[_pos + 1] is '=' or '!':
                        _pos += 2;
                        capturing = false;
                        break;
                    case '<' or '\'':
                        var close = kind == '<' ? '>' : '\'';
                        _pos = pattern.IndexOf(close, _pos + 1) is var end and >= 0 ? end + 1 : throw new FormatException();
                        break;
                    case '#':
                        _pos = pattern.IndexOf(')', _pos) is var endComment and >= 0 ? endComment + 1 : throw new FormatException();
                        return null;
                    case '>':
                        _pos++;
                        break;
                    default:
                        // Inline options: (?i) (?im-s) or (?i:...). 'x' changes what whitespace means: give up.
                        var start = _pos;
                        while (_pos < pattern.Length && pattern[_pos] is not (')' or ':'))
                        {
                            _pos++;
                        }

                        if (pattern.AsSpan(start, _pos - start).Contains('x') || _pos >= pattern.Length)
                        {
                            Unsupported = true;
                        }

                        if (_pos < pattern.Length && pattern[_pos] == ')')
                        {
                            _pos++;
                            return null;
                        }

                        _pos++;
                        break;
                }
            }

            var inner = Alternation();
            if (!Peek(')'))
            {
                throw new FormatException();
            }

            _pos++;
            return capturing ? inner : null;
        }

        private void SkipClass()
        {
            _pos++; // [
            if (Peek('^'))
            {
                _pos++;
            }

            if (Peek(']'))
            {
                _pos++;
            }

            while (_pos < pattern.Length && pattern[_pos] != ']')
            {
                if (pattern[_pos] == '\\')
                {
                    _pos++;
                }
                else if (pattern[_pos] == '[' && _pos + 1 < pattern.Length && pattern[_pos + 1] == ':')
                {
                    Unsupported = true;
                }

                _pos++;
            }

            if (_pos >= pattern.Length)
            {
                throw new FormatException();
            }

            _pos++;
        }

        /// <summary>The literal char an escape stands for, or null for a class, anchor or reference.</summary>
        private char? Escape()
        {
            _pos++;
            if (_pos >= pattern.Length)
            {
                throw new FormatException();
            }

            var c = pattern[_pos++];
            switch (c)
            {
                case 't':
                    return '\t';
                case 'x' when _pos + 2 <= pattern.Length:
                    var hex = pattern.Substring(_pos, 2);
                    _pos += 2;
                    return (char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                case 'u' when _pos + 4 <= pattern.Length:
                    var code = pattern.Substring(_pos, 4);
                    _pos += 4;
                    return (char)int.Parse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                case 'p' or 'P' or 'k':
                    _pos = pattern.IndexOf(c == 'k' ? '>' : '}', _pos) is var end and >= 0 ? end + 1 : throw new FormatException();
                    return null;
                default:
                    return char.IsLetterOrDigit(c) ? null : c;
            }
        }

        /// <summary>Consumes a quantifier after an atom; (1, 1) when there is none.</summary>
        private (int Min, int Max) Quantifier()
        {
            if (_pos >= pattern.Length)
            {
                return (1, 1);
            }

            (int, int) result;
            switch (pattern[_pos])
            {
                case '*':
                    _pos++;
                    result = (0, int.MaxValue);
                    break;
                case '+':
                    _pos++;
                    result = (1, int.MaxValue);
                    break;
                case '?':
                    _pos++;
                    result = (0, 1);
                    break;
                case '{' when pattern.IndexOf('}', _pos) is var close and > 0
                              && TryBounds(pattern.AsSpan(_pos + 1, close - _pos - 1), out var min, out var max):
                    _pos = close + 1;
                    result = (min, max);
                    break;
                default:
                    return (1, 1);
            }

            if (Peek('?'))
            {
                _pos++; // lazy
            }

            return result;
        }

        private static bool TryBounds(ReadOnlySpan<char> text, out int min, out int max)
        {
            var comma = text.IndexOf(',');
            var minText = comma < 0 ? text : text[..comma];
            max = int.MaxValue;
            if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out min))
            {
                return false;
            }

            if (comma < 0)
            {
                max = min;
                return true;
            }

            var maxText = text[(comma + 1)..];
            return maxText.IsEmpty || int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max);
        }

        private bool Peek(char c) => _pos < pattern.Length && pattern[_pos] == c;
    }
}
