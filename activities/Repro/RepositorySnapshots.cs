using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Repro;

namespace RagnarokOps.Activities.Repro;

/// <summary>The repository's file list and manifests at the default branch, as the test-framework detector reads them.</summary>
internal static class RepositorySnapshots
{
    internal const int MaxManifests = 40;

    private static readonly string[] ManifestNames = ["package.json", "pyproject.toml", "pytest.ini", "setup.cfg", "go.mod", "pom.xml", "build.gradle", "build.gradle.kts"];

    public static async Task<RepositorySnapshot> ReadAsync(IGitLabClient gitlab, RepositoryReader reader, RepositoryContext repository, long projectId, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        await foreach (var item in gitlab.ListTreeAsync(projectId, null, repository.DefaultBranch, recursive: true, cancellationToken))
        {
            if (item.Type == "blob" && !repository.Ignore.IsIgnored(item.Path))
            {
                files.Add(item.Path);
            }
        }

        var manifests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files.Where(IsManifest).Take(MaxManifests))
        {
            if (await reader.ReadFileAsync(projectId, path, repository.DefaultBranch, cancellationToken) is { } text)
            {
                manifests[path] = text;
            }
        }

        return new RepositorySnapshot(files, manifests);
    }

    internal static bool IsManifest(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            || ManifestNames.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
