namespace RagnarokOps.Tests.Shared;

/// <summary>Finds the repository and the shared fixtures from a test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    /// <summary>../shared/fixtures/gitlab beside the clone, as CI lays it out.</summary>
    public static string GitLabFixtures => Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "gitlab"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RagnarokOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RagnarokOps.sln not found above {AppContext.BaseDirectory}");
    }
}
