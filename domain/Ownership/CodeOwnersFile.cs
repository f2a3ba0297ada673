using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using RagnarokOps.Domain.Policy;

namespace RagnarokOps.Domain.Ownership;

/// <summary>A CODEOWNERS section: <c>[Name]</c>, optional <c>^[Name]</c>, <c>[Name][2]</c> approvals, default owners after it.</summary>
/// <param name="Name">Section name; entries before any header are in <see cref="CodeOwnersFile.DefaultSection"/>.</param>
public sealed record CodeOwnersSection(string Name, bool Optional, int ApprovalsRequired, IReadOnlyList<string> DefaultOwners, int Line);

/// <summary>One pattern line of CODEOWNERS with the owners it names (or, when it names none, its section's defaults).</summary>
/// <param name="Exclusion">A <c>!pattern</c> line: matching paths have no owner in this section.</param>
public sealed record CodeOwnersEntry(string Pattern, IReadOnlyList<string> Owners, CodeOwnersSection Section, int Line, bool Exclusion)
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>GitLab's rule: a pattern not starting with '/' matches at any depth; a trailing '/' means everything below.</summary>
    public bool IsMatch(string path)
    {
        if (Compiled.Count > 10_000)
        {
            Compiled.Clear(); // bounded: a host reading many repositories must not grow it forever
        }

        var regex = Compiled.GetOrAdd(Pattern, Compile);
        return regex.IsMatch("/" + path.Replace('\\', '/').TrimStart('/'));
    }

    private static Regex Compile(string pattern)
    {
        var p = pattern;
        if (p.EndsWith('/'))
        {
            p += "**/*";
        }

        if (!p.StartsWith('/'))
        {
            p = "/**/" + p;
        }

        return new Regex("^" + Glob.ToRegex(p, braces: true) + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}

/// <summary>A parsed CODEOWNERS file: its entries in file order, its sections, and problems found while parsing.</summary>
public sealed record CodeOwnersFile(string Path, IReadOnlyList<CodeOwnersSection> Sections, IReadOnlyList<CodeOwnersEntry> Entries, IReadOnlyList<PolicyError> Problems)
{
    public const string DefaultSection = "Default";

    /// <summary>Where GitLab looks, in order; the first that exists is used.</summary>
    public static IReadOnlyList<string> Locations { get; } = ["CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"];

    public static CodeOwnersFile Parse(string text, string path = "CODEOWNERS") => CodeOwnersParser.Parse(text, path);
}
