using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Escalations;

/// <summary>
/// Repository path questions the diagnosis asks: does a service own this path (prefix or glob), and does a
/// path seen in a stack trace name this changed file (stack paths are absolute on the build machine, so
/// they are compared from the file name backwards).
/// </summary>
public static class PathMatch
{
    public static bool OwnedBy(string path, IReadOnlyList<string> patterns)
    {
        var normalized = StackFrameParser.NormalizePath(path);
        foreach (var pattern in patterns)
        {
            var p = StackFrameParser.NormalizePath(pattern);
            if (p.Length == 0)
            {
                continue;
            }

            if (p.Contains('*', StringComparison.Ordinal))
            {
                if (Glob(p).IsMatch(normalized) || SuffixOwned(normalized, p))
                {
                    return true;
                }
            }
            else if (normalized.StartsWith(p.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)
                     || string.Equals(normalized, p, StringComparison.OrdinalIgnoreCase)
                     || normalized.Contains("/" + p.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many trailing path segments two paths share (0 when the file names differ).</summary>
    public static int SharedSuffix(string a, string b)
    {
        var left = StackFrameParser.NormalizePath(a).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var right = StackFrameParser.NormalizePath(b).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shared = 0;
        while (shared < left.Length && shared < right.Length
               && string.Equals(left[^(shared + 1)], right[^(shared + 1)], StringComparison.OrdinalIgnoreCase))
        {
            shared++;
        }

        return shared;
    }

    // A stack path such as /app/src/Checkout/X.cs is owned by "src/Checkout/**" too.
    private static bool SuffixOwned(string path, string pattern)
    {
        var prefix = pattern[..pattern.IndexOf('*', StringComparison.Ordinal)].TrimEnd('/');
        return prefix.Length > 0 && path.Contains("/" + prefix + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static Regex Glob(string pattern)
    {
        var regex = "^" + Regex.Escape(pattern)
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$";
        return new Regex(regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
