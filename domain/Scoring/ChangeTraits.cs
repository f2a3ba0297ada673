using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Domain.Scoring;

/// <summary>What a commit's files say about its risk and its kind, read from paths and diff lines.</summary>
internal static class ChangeTraits
{
    private static readonly string[] DependencyFiles =
    [
        "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "directory.packages.props", "packages.lock.json",
        "go.mod", "go.sum", "requirements.txt", "poetry.lock", "pyproject.toml", "pipfile.lock", "gemfile", "gemfile.lock",
        "pom.xml", "build.gradle", "build.gradle.kts", "cargo.toml", "cargo.lock", "composer.json", "composer.lock",
    ];

    private static readonly string[] ConfigExtensions = [".yaml", ".yml", ".json", ".properties", ".toml", ".ini", ".env", ".conf", ".config"];

    public static bool IsDependencyFile(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return DependencyFiles.Contains(name);
    }

    public static bool IsDependencyChange(ChangedFile file)
    {
        if (IsDependencyFile(file.Path))
        {
            return true;
        }

        // A project file whose changed lines are only package versions is a dependency bump too.
        return file.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
               && ChangedLines(file.Diff).All(l => l.Contains("PackageReference", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(l[1..]));
    }

    public static bool IsConfigFile(string path)
    {
        var lower = path.ToLowerInvariant();
        var name = Path.GetFileName(lower);
        return !IsDependencyFile(path) && !lower.Contains("/test", StringComparison.Ordinal)
               && (ConfigExtensions.Any(lower.EndsWith) || name.StartsWith("appsettings", StringComparison.Ordinal)
                   || name.StartsWith(".env", StringComparison.Ordinal) || lower.Contains("/config/", StringComparison.Ordinal));
    }

    public static bool IsMigration(string path)
    {
        var lower = path.ToLowerInvariant();
        return lower.Contains("migration", StringComparison.Ordinal) || lower.EndsWith(".sql", StringComparison.Ordinal);
    }

    public static bool IsDocsOrTests(string path)
    {
        var lower = path.ToLowerInvariant();
        return lower.EndsWith(".md", StringComparison.Ordinal) || lower.EndsWith(".txt", StringComparison.Ordinal) && !IsDependencyFile(path)
               || lower.StartsWith("docs/", StringComparison.Ordinal) || lower.Contains("/docs/", StringComparison.Ordinal)
               || lower.StartsWith("test", StringComparison.Ordinal) || lower.Contains("/test", StringComparison.Ordinal)
               || lower.Contains("tests.", StringComparison.Ordinal) || lower.Contains(".test.", StringComparison.Ordinal)
               || lower.Contains("_test.", StringComparison.Ordinal) || lower.Contains(".spec.", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when every changed line only moves whitespace: the removed text and the added text are equal once
    /// whitespace is dropped. Such a commit cannot change behaviour (outside whitespace-sensitive languages,
    /// where its diff would show moved tokens as well).
    /// </summary>
    public static bool IsFormattingOnly(IReadOnlyList<ChangedFile> files)
    {
        if (files.Count == 0)
        {
            return false;
        }

        foreach (var file in files)
        {
            if (file.IsNew || file.IsDeleted || file.Truncated || file.Diff.Length == 0)
            {
                return false;
            }

            var removed = new System.Text.StringBuilder();
            var added = new System.Text.StringBuilder();
            foreach (var line in ChangedLines(file.Diff))
            {
                var target = line[0] == '-' ? removed : added;
                foreach (var c in line.AsSpan(1))
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        target.Append(c);
                    }
                }
            }

            if (!removed.Equals(added))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>+</c> and <c>-</c> lines of a unified diff, without the file headers.</summary>
    public static IEnumerable<string> ChangedLines(string diff)
    {
        foreach (var line in diff.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == '+' || line[0] == '-')
                && !line.StartsWith("+++ ", StringComparison.Ordinal) && !line.StartsWith("--- ", StringComparison.Ordinal))
            {
                yield return line.TrimEnd('\r');
            }
        }
    }
}
