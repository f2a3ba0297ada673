using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Ownership;

/// <summary>Reads GitLab's CODEOWNERS syntax line by line; a bad line is reported and skipped, never fatal.</summary>
internal static partial class CodeOwnersParser
{
    public static CodeOwnersFile Parse(string text, string path)
    {
        var sections = new List<CodeOwnersSection>();
        var byName = new Dictionary<string, CodeOwnersSection>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<CodeOwnersEntry>();
        var problems = new List<PolicyError>();
        var current = new CodeOwnersSection(CodeOwnersFile.DefaultSection, false, 1, [], 0);
        var lines = text.Split('\n');
        for (var n = 1; n <= lines.Length; n++)
        {
            var line = lines[n - 1].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' || (line.StartsWith("^[", StringComparison.Ordinal)))
            {
                var header = SectionHeader().Match(line);
                if (!header.Success)
                {
                    problems.Add(new PolicyError(path, n, 1, "section", $"malformed section header '{line}' (expected [Name], ^[Name] or [Name][approvals] followed by optional owners)"));
                    continue;
                }

                var name = header.Groups["name"].Value.Trim();
                var approvals = header.Groups["count"].Success ? int.Parse(header.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
                var owners = Owners(header.Groups["owners"].Value, path, n, problems);
                current = new CodeOwnersSection(name, header.Groups["optional"].Success, approvals, owners, n);
                if (byName.TryGetValue(name, out var earlier))
                {
                    // GitLab merges sections that share a name; the first header's spelling is kept.
                    current = current with { Name = earlier.Name };
                }
                else
                {
                    byName[name] = current;
                }

                sections.Add(current);
                continue;
            }

            var (pattern, rest) = SplitPattern(line);
            var exclusion = pattern.StartsWith('!');
            if (exclusion)
            {
                pattern = pattern[1..];
            }

            if (pattern.StartsWith(@"\#", StringComparison.Ordinal) || pattern.StartsWith(@"\!", StringComparison.Ordinal))
            {
                pattern = pattern[1..];
            }

            var entryOwners = Owners(rest, path, n, problems);
            entries.Add(new CodeOwnersEntry(pattern, entryOwners.Count > 0 || exclusion ? entryOwners : current.DefaultOwners, current, n, exclusion));
        }

        return new CodeOwnersFile(path, sections, entries, problems);
    }

    /// <summary>The pattern runs to the first unescaped whitespace; "\ " is a space inside it.</summary>
    private static (string Pattern, string Remainder) SplitPattern(string line)
    {
        var pattern = new StringBuilder();
        var i = 0;
        for (; i < line.Length && !char.IsWhiteSpace(line[i]); i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == ' ')
            {
                pattern.Append(' ');
                i++;
            }
            else
            {
                pattern.Append(line[i]);
            }
        }

        return (pattern.ToString(), line[i..]);
    }

    private static List<string> Owners(string text, string path, int line, List<PolicyError> problems)
    {
        var owners = new List<string>();
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        foreach (var token in (comment >= 0 ? text[..comment] : text).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (OwnerToken().IsMatch(token))
            {
                owners.Add(token);
            }
            else
            {
                problems.Add(new PolicyError(path, line, 1, "owners", $"'{token}' is not an owner (@user, @group/subgroup, @@role or an email address)"));
            }
        }

        return owners;
    }

    [GeneratedRegex(@"^(?<optional>\^)?\[(?<name>[^\]]+)\](?:\[(?<count>\d+)\])?(?<owners>(?:\s+.*)?)$")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^(?:@[\w.-]+(?:/[\w.-]+)*|@@(?:developer|maintainer|owner)s?|[^@\s]+@[^@\s]+\.[^@\s]+)$")]
    private static partial Regex OwnerToken();
}
