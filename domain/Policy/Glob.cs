using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Policy;

/// <summary>
/// A path glob matched against a whole repository-relative path ('/' separated): <c>*</c> and <c>?</c> stay within
/// one segment, <c>**</c> spans segments (<c>a/**/b</c> also matches <c>a/b</c>), <c>[abc]</c>/<c>[!a-z]</c> are
/// classes and a backslash escapes. The same translation backs <c>.ragnarokignore</c> and CODEOWNERS patterns.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    private static readonly ConcurrentDictionary<string, Glob> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled glob; compiled globs are cached by pattern, since policies repeat the same few.</summary>
    public static Glob Parse(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var glob = new Glob(pattern, new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        if (Cache.Count > 10_000)
        {
            Cache.Clear(); // bounded: a pathological caller must not grow it forever
        }

        Cache[pattern] = glob;
        return glob;
    }

    public static bool TryParse(string pattern, out Glob? glob, out string? error)
    {
        try
        {
            glob = Parse(pattern);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            glob = null;
            error = $"invalid glob '{pattern}': {ex.Message}";
            return false;
        }
    }

    public bool IsMatch(string path) => _regex.IsMatch(path.Replace('\\', '/').TrimStart('/'));

    /// <summary>The regex body (no anchors) for a glob.</summary>
    /// <param name="braces">Also expand <c>{a,b}</c> alternatives (Ruby's FNM_EXTGLOB, which GitLab's CODEOWNERS uses).</param>
    internal static string ToRegex(string glob, bool braces = false)
    {
        var sb = new StringBuilder();
        var braceDepth = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var atStart = i == 0 || glob[i - 1] == '/';
                    i++;
                    if (atStart && i + 1 < glob.Length && glob[i + 1] == '/')
                    {
                        sb.Append("(?:.*/)?"); // "**/": zero or more whole directories
                        i++;
                    }
                    else
                    {
                        sb.Append(".*");
                    }

                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var body = glob[(i + 1)..close];
                    sb.Append('[').Append(body.StartsWith('!') ? "^" + Escape(body[1..]) : Escape(body)).Append(']');
                    i = close;
                    break;
                case '{' when braces:
                    braceDepth++;
                    sb.Append("(?:");
                    break;
                case ',' when braces && braceDepth > 0:
                    sb.Append('|');
                    break;
                case '}' when braces && braceDepth > 0:
                    braceDepth--;
                    sb.Append(')');
                    break;
                case '\\' when i + 1 < glob.Length:
                    sb.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();

        static string Escape(string classBody) => classBody.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal);
    }
}
