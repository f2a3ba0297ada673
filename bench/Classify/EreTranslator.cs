using System.Text;

namespace RagnarokOps.Bench.Classify;

/// <summary>
/// Translates a .NET regular expression to a POSIX extended one (GNU grep -E dialect) for the baseline, or says why
/// it cannot: lookarounds, atomic groups and scoped inline options have no ERE equivalent.
/// </summary>
internal static class EreTranslator
{
    private const string EreSpecial = ".[]()*+?{}|^$\\";

    public static (string? Ere, string? Reason) Translate(string pattern)
    {
        try
        {
            var ignoreCase = pattern.StartsWith("(?i)", StringComparison.Ordinal);
            return (new Translation(ignoreCase ? pattern[4..] : pattern, ignoreCase).Run(), null);
        }
        catch (NotSupportedException ex)
        {
            return (null, ex.Message);
        }
    }

    private sealed class Translation(string p, bool ignoreCase)
    {
        private readonly StringBuilder _out = new();
        private int _i;

        public string Run()
        {
            while (_i < p.Length)
            {
                var c = p[_i];
                switch (c)
                {
                    case '\\':
                        Escape();
                        break;
                    case '(':
                        Group();
                        break;
                    case '[':
                        Class();
                        break;
                    case '*' or '+' or '?' or '}':
                        _out.Append(c);
                        _i++;
                        if (_i < p.Length && p[_i] == '?')
                        {
                            _i++; // lazy: same lines match
                        }

                        break;
                    default:
                        Literal(c, raw: true);
                        _i++;
                        break;
                }
            }

            return _out.ToString();
        }

        private void Literal(char c, bool raw = false)
        {
            if (ignoreCase && char.IsAsciiLetter(c))
            {
                _out.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
            }
            else if (!raw && EreSpecial.Contains(c))
            {
                _out.Append('\\').Append(c);
            }
            else
            {
                _out.Append(c);
            }
        }

        private void Escape()
        {
            var c = p[++_i];
            _i++;
            switch (c)
            {
                case 'd': _out.Append("[0-9]"); break;
                case 'D': _out.Append("[^0-9]"); break;
                case 'w': _out.Append("[[:alnum:]_]"); break;
                case 'W': _out.Append("[^[:alnum:]_]"); break;
                case 's': _out.Append("[[:space:]]"); break;
                case 'S': _out.Append("[^[:space:]]"); break;
                case 'b': _out.Append("\\b"); break;
                case 'B': _out.Append("\\B"); break;
                case 't': _out.Append('\t'); break;
                case 'x':
                    Literal((char)Convert.ToInt32(p.Substring(_i, 2), 16));
                    _i += 2;
                    break;
                default:
                    if (char.IsLetterOrDigit(c))
                    {
                        throw new NotSupportedException($"escape \\{c}");
                    }

                    Literal(c);
                    break;
            }
        }

        private void Group()
        {
            _i++;
            if (_i < p.Length && p[_i] == '?')
            {
                var rest = p.AsSpan(_i);
                if (rest.StartsWith("?:"))
                {
                    _i += 2;
                }
                else if (rest.StartsWith("?<") && !rest.StartsWith("?<=") && !rest.StartsWith("?<!"))
                {
                    _i = p.IndexOf('>', _i) + 1;
                }
                else
                {
                    throw new NotSupportedException(rest.StartsWith("?=") || rest.StartsWith("?!") || rest.StartsWith("?<")
                        ? "lookaround" : $"group ({rest[..Math.Min(3, rest.Length)]}");
                }
            }

            _out.Append('(');
        }

        private void Class()
        {
            _i++;
            var negate = false;
            if (p[_i] == '^')
            {
                negate = true;
                _i++;
            }

            var items = new List<string>();
            var singles = new HashSet<char>();
            var first = true;
            while (p[_i] != ']' || first)
            {
                first = false;
                var c = p[_i++];
                if (c == '\\')
                {
                    var e = p[_i++];
                    switch (e)
                    {
                        case 'd': items.Add("0-9"); continue;
                        case 'w': items.Add("[:alnum:]_"); continue;
                        case 's': items.Add("[:space:]"); continue;
                        case 't': c = '\t'; break;
                        default:
                            if (char.IsLetterOrDigit(e))
                            {
                                throw new NotSupportedException($"class escape \\{e}");
                            }

                            c = e;
                            break;
                    }
                }

                if (p[_i] == '-' && p[_i + 1] != ']')
                {
                    var to = p[_i + 1] == '\\' ? p[_i + 2] : p[_i + 1];
                    _i += p[_i + 1] == '\\' ? 3 : 2;
                    items.Add($"{c}-{to}");
                    if (ignoreCase && char.IsAsciiLetter(c) && char.IsAsciiLetter(to))
                    {
                        items.Add($"{char.ToUpperInvariant(c)}-{char.ToUpperInvariant(to)}");
                        items.Add($"{char.ToLowerInvariant(c)}-{char.ToLowerInvariant(to)}");
                    }

                    continue;
                }

                singles.Add(c);
                if (ignoreCase && char.IsAsciiLetter(c))
                {
                    singles.Add(char.ToLowerInvariant(c));
                    singles.Add(char.ToUpperInvariant(c));
                }
            }

            _i++;
            // POSIX: ']' must come first, '-' last, '^' anywhere but first.
            var sb = new StringBuilder("[");
            if (negate)
            {
                sb.Append('^');
            }

            if (singles.Remove(']'))
            {
                sb.Append(']');
            }

            var dash = singles.Remove('-');
            var caret = singles.Remove('^');
            foreach (var item in items)
            {
                sb.Append(item);
            }

            foreach (var s in singles)
            {
                sb.Append(s);
            }

            if (caret)
            {
                sb.Append('^');
            }

            if (dash)
            {
                sb.Append('-');
            }

            _out.Append(sb).Append(']');
        }
    }
}
