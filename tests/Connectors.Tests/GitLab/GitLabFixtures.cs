using System.Text.Json;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Connectors.Tests.GitLab;

/// <summary>Reads the documentation examples in ../shared/fixtures/gitlab.</summary>
internal static class GitLabFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(RepoPaths.GitLabFixtures, name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static T Deserialize<T>(string name) =>
        JsonSerializer.Deserialize<T>(Read(name), GitLabJson.Options) ?? throw new InvalidOperationException($"{name} is null");
}
