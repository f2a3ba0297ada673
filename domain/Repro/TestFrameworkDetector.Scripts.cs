using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagnarokOps.Domain.Repro;

/// <summary>The Python and JavaScript halves of detection: pytest, and Jest or Vitest.</summary>
public static partial class TestFrameworkDetector
{
    private static (TestLayout Layout, int TestFiles)? Pytest(RepositorySnapshot repository, List<string> files)
    {
        var evidence = repository.Manifests.Any(m => Path.GetFileName(m.Key) switch
        {
            "pytest.ini" => true,
            "pyproject.toml" => m.Value.Contains("pytest", StringComparison.OrdinalIgnoreCase),
            "setup.cfg" => m.Value.Contains("[tool:pytest]", StringComparison.Ordinal),
            "tox.ini" => m.Value.Contains("[pytest]", StringComparison.Ordinal),
            var name when name.StartsWith("requirements", StringComparison.Ordinal) && name.EndsWith(".txt", StringComparison.Ordinal) =>
                PytestRequirement().IsMatch(m.Value),
            _ => false,
        }) || files.Any(f => Path.GetFileName(f) == "conftest.py");
        if (!evidence)
        {
            return null;
        }

        var tests = files.Where(f => Path.GetFileName(f) is var n && n.EndsWith(".py", StringComparison.Ordinal) && (n.StartsWith("test_", StringComparison.Ordinal) || n.EndsWith("_test.py", StringComparison.Ordinal))).ToList();
        var configured = repository.Manifests
            .Where(m => Path.GetFileName(m.Key) is "pytest.ini" or "pyproject.toml" or "setup.cfg" or "tox.ini")
            .Select(m => TestPaths().Match(m.Value) is { Success: true } t ? Join(Folder(m.Key), t.Groups[1].Value.Trim('/')) : null)
            .FirstOrDefault(p => p is not null);
        var folder = configured ?? MostCommonFolder(tests) ?? "tests";
        return (new TestLayout(TestFramework.Pytest, folder), tests.Count);
    }

    private static (TestLayout Layout, int TestFiles)? JavaScript(RepositorySnapshot repository, List<string> files)
    {
        foreach (var (path, content) in repository.Manifests.Where(m => Path.GetFileName(m.Key) == "package.json").OrderBy(m => m.Key.Length))
        {
            var packages = PackageNames(content);
            var framework = packages.Contains("vitest") ? TestFramework.Vitest : packages.Contains("jest") || packages.Contains("ts-jest") ? TestFramework.Jest : (TestFramework?)null;
            if (framework is null)
            {
                continue;
            }

            var root = Folder(path);
            var tests = files.Where(f => (root.Length == 0 || f.StartsWith(root + "/", StringComparison.Ordinal)) && JsTestFile().IsMatch(f) && !f.Contains("node_modules/", StringComparison.Ordinal)).ToList();
            var typeScript = packages.Contains("typescript") || files.Contains(Join(root, "tsconfig.json"));
            var folder = MostCommonFolder(tests) ?? (files.Any(f => f.StartsWith(Join(root, "test/"), StringComparison.Ordinal)) ? Join(root, "test") : Join(root, "tests"));
            return (new TestLayout(framework.Value, folder, TypeScript: typeScript), tests.Count);
        }

        return null;
    }

    private static HashSet<string> PackageNames(string packageJson)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(packageJson, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            foreach (var section in new[] { "dependencies", "devDependencies", "peerDependencies" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(section, out var deps) && deps.ValueKind == JsonValueKind.Object)
                {
                    names.UnionWith(deps.EnumerateObject().Select(p => p.Name));
                }
            }
        }
        catch (JsonException)
        {
            // A package.json that does not parse says nothing about its test framework.
        }

        return names;
    }

    private static string? MostCommonFolder(List<string> tests) =>
        tests.GroupBy(Folder).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Length).Select(g => g.Key).FirstOrDefault();

    [GeneratedRegex(@"^\s*pytest\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PytestRequirement();

    [GeneratedRegex(@"^\s*testpaths\s*=\s*\[?\s*[""']?([^""'\s,\]]+)", RegexOptions.Multiline)]
    private static partial Regex TestPaths();

    [GeneratedRegex(@"(\.(test|spec)\.[cm]?[jt]sx?$)|(/__tests__/[^/]+\.[cm]?[jt]sx?$)")]
    private static partial Regex JsTestFile();
}
