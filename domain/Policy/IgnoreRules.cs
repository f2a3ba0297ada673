using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Policy;

/// <summary>
/// <c>.ragnarokignore</c> in gitignore syntax: paths RagnarokOps never reads, quotes or changes. Supports comments,
/// <c>\#</c>/<c>\!</c> escapes, trailing-space trimming, <c>!</c> negation (last matching line wins), a leading or
/// middle '/' anchoring to the root, a trailing '/' matching directories only, and <c>*</c>, <c>?</c>, <c>[..]</c>, <c>**</c>.
/// As in git, a file cannot be re-included when one of its parent directories is ignored.
/// </summary>
public sealed class IgnoreRules
{
    private readonly IReadOnlyList<Rule> _rules;

    private IgnoreRules(IReadOnlyList<Rule> rules)
    {
        _rules = rules;
    }

    public static IgnoreRules Empty { get; } = new([]);

    public int Count => _rules.Count;

    public static IgnoreRules Parse(string? text)
    {
        var rules = new List<Rule>();
        var lines = (text ?? "").Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            if (ParseLine(lines[n].TrimEnd('\r'), n + 1) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return new IgnoreRules(rules);
    }

    /// <summary>Whether <paramref name="path"/> (repository-relative, '/' separated) is ignored.</summary>
    public bool IsIgnored(string path, bool isDirectory = false) => Explain(path, isDirectory) is { Ignored: true };

    /// <summary>The line that decided <paramref name="path"/>'s fate, or null when no line matched it.</summary>
    public IgnoreMatch? Explain(string path, bool isDirectory = false)
    {
        var normalized = path.Replace('\\', '/').Trim('/');
        if (normalized.Length == 0 || _rules.Count == 0)
        {
            return null;
        }

        // A parent directory that is ignored hides everything below it, whatever later negations say.
        var segments = normalized.Split('/');
        for (var depth = 1; depth < segments.Length; depth++)
        {
            var parent = string.Join('/', segments[..depth]);
            if (Decide(parent, isDirectory: true) is { Ignored: true } parentMatch)
            {
                return parentMatch;
            }
        }

        return Decide(normalized, isDirectory);
    }

    private IgnoreMatch? Decide(string path, bool isDirectory)
    {
        IgnoreMatch? decision = null;
        foreach (var rule in _rules)
        {
            if ((!rule.DirectoryOnly || isDirectory) && rule.Regex.IsMatch(path))
            {
                decision = new IgnoreMatch(!rule.Negated, rule.Line, rule.Text);
            }
        }

        return decision;
    }

    private static Rule? ParseLine(string raw, int line)
    {
        var text = TrimTrailingSpaces(raw);
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var pattern = text;
        var negated = false;
        if (pattern[0] == '!')
        {
            negated = true;
            pattern = pattern[1..];
        }
        else if (pattern.StartsWith(@"\#", StringComparison.Ordinal) || pattern.StartsWith(@"\!", StringComparison.Ordinal))
        {
            pattern = pattern[1..];
        }

        var directoryOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');
        if (pattern.Length == 0)
        {
            return null;
        }

        // A slash at the start or in the middle anchors the pattern to the root; otherwise it matches at any depth.
        var anchored = pattern.Contains('/');
        pattern = pattern.TrimStart('/');
        var body = Glob.ToRegex(pattern);
        var regex = new Regex((anchored ? "^" : "^(?:.*/)?") + body + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return new Rule(regex, negated, directoryOnly, line, text);
    }

    private static string TrimTrailingSpaces(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] == ' ' && !(end > 1 && text[end - 2] == '\\'))
        {
            end--;
        }

        return text[..end].Replace(@"\ ", " ", StringComparison.Ordinal);
    }

    private sealed record Rule(Regex Regex, bool Negated, bool DirectoryOnly, int Line, string Text);
}

/// <summary>The <c>.ragnarokignore</c> line (1-based) that decided a path, and whether it ignores or re-includes it.</summary>
public sealed record IgnoreMatch(bool Ignored, int Line, string Pattern);
