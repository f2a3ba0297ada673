using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Repro;

/// <summary>
/// Finds the repository's own test framework and where its tests live, from manifests and file names. When
/// several languages qualify, the one with the most existing test files wins (a Go service with a package.json
/// for tooling stays a Go service); nothing recognisable falls back to a shell script.
/// </summary>
public static partial class TestFrameworkDetector
{
    public static TestLayout Detect(RepositorySnapshot repository)
    {
        var files = repository.Files.Select(f => f.Replace('\\', '/').TrimStart('/')).ToList();
        var candidates = new[] { DotNet(repository, files), Go(repository, files), JUnit(repository, files), Pytest(repository, files), JavaScript(repository, files) };
        return candidates
            .Select((c, order) => (Candidate: c, Order: order))
            .Where(c => c.Candidate is not null)
            .OrderByDescending(c => c.Candidate!.Value.TestFiles)
            .ThenBy(c => c.Order)
            .Select(c => c.Candidate!.Value.Layout)
            .FirstOrDefault() ?? new TestLayout(TestFramework.ShellScript, "regression");
    }

    private static (TestLayout Layout, int TestFiles)? DotNet(RepositorySnapshot repository, List<string> files)
    {
        var projects = repository.Manifests
            .Where(m => m.Key.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(m => (Path: m.Key, Framework: DotNetFramework(m.Value), m.Value))
            .Where(p => p.Framework is not null)
            .OrderByDescending(p => IntegrationName().IsMatch(Path.GetFileName(p.Path)))
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        if (projects.Count == 0)
        {
            return null;
        }

        var (path, framework, content) = projects[0];
        var directory = Folder(path);
        var rootNamespace = RootNamespace().Match(content) is { Success: true } m ? m.Groups[1].Value : Path.GetFileNameWithoutExtension(path);
        var ns = string.Join('.', rootNamespace.Split('.').Select(CodeText.Words).Where(w => w.Count > 0).Select(w => Identifier(string.Concat(w))));
        return (new TestLayout(framework!.Value, Join(directory, "Regression"), (ns.Length == 0 ? "Tests" : ns) + ".Regression"), CountUnder(files, directory, f => f.EndsWith(".cs", StringComparison.Ordinal)));
    }

    private static TestFramework? DotNetFramework(string csproj)
    {
        var references = PackageOrSdk().Matches(csproj).Select(m => m.Groups[1].Value.ToUpperInvariant()).ToList();
        return references.Any(r => r.StartsWith("XUNIT", StringComparison.Ordinal)) ? TestFramework.XUnit
            : references.Any(r => r.StartsWith("NUNIT", StringComparison.Ordinal)) ? TestFramework.NUnit
            : references.Any(r => r.StartsWith("MSTEST", StringComparison.Ordinal)) ? TestFramework.MSTest
            : null;
    }

    private static (TestLayout Layout, int TestFiles)? Go(RepositorySnapshot repository, List<string> files)
    {
        var goMod = repository.Manifests.Keys.Where(k => Path.GetFileName(k) == "go.mod").OrderBy(k => k.Length).FirstOrDefault();
        return goMod is null ? null : (new TestLayout(TestFramework.GoTest, Join(Folder(goMod), "regression"), "regression"), files.Count(f => f.EndsWith("_test.go", StringComparison.Ordinal)));
    }

    private static (TestLayout Layout, int TestFiles)? JUnit(RepositorySnapshot repository, List<string> files)
    {
        var build = repository.Manifests
            .Where(m => Path.GetFileName(m.Key) is "pom.xml" or "build.gradle" or "build.gradle.kts")
            .Where(m => m.Value.Contains("junit-jupiter", StringComparison.OrdinalIgnoreCase) || m.Value.Contains("useJUnitPlatform", StringComparison.Ordinal))
            .OrderBy(m => m.Key.Length)
            .Select(m => m.Key)
            .FirstOrDefault();
        if (build is null)
        {
            return null;
        }

        var testRoot = Join(Folder(build), "src/test/java");
        var existing = files.Where(f => f.StartsWith(testRoot + "/", StringComparison.Ordinal) && f.EndsWith(".java", StringComparison.Ordinal)).ToList();
        // New tests sit beside the shallowest existing test, in its package; else in a package of their own.
        var packageFolder = existing.Select(f => Folder(f[(testRoot.Length + 1)..])).OrderBy(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();
        var segments = (packageFolder ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Identifier(string.Concat(CodeText.Words(s))).ToLowerInvariant()).ToList();
        if (segments.Count == 0)
        {
            segments = ["regression"];
        }

        return (new TestLayout(TestFramework.JUnit5, Join(testRoot, string.Join('/', segments)), string.Join('.', segments)), existing.Count);
    }

    private static string Folder(string path) => Path.GetDirectoryName(path)?.Replace('\\', '/') ?? string.Empty;

    private static string Join(string folder, string child) => folder.Length == 0 ? child : $"{folder}/{child}";

    private static int CountUnder(List<string> files, string folder, Func<string, bool> isTest) =>
        files.Count(f => (folder.Length == 0 || f.StartsWith(folder + "/", StringComparison.Ordinal)) && isTest(f));

    private static string Identifier(string word) => word.Length > 0 && char.IsAsciiDigit(word[0]) ? "_" + word : word;

    [GeneratedRegex(@"(?:Include|Sdk)\s*=\s*""([A-Za-z][\w.]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PackageOrSdk();

    [GeneratedRegex(@"<RootNamespace>\s*([^<\s]+)\s*</RootNamespace>")]
    private static partial Regex RootNamespace();

    [GeneratedRegex("Integration|Functional|Api|E2E|Acceptance", RegexOptions.IgnoreCase)]
    private static partial Regex IntegrationName();
}
