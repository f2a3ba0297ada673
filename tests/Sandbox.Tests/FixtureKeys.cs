using System.Text.Json.Nodes;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.Sandbox.Tests;

/// <summary>Asserts that a sandbox response carries every key of GitLab's documented example, recursively.</summary>
internal static class FixtureKeys
{
    // Free-form maps whose keys are data, not schema (strategy parameters, commit trailers).
    private static readonly HashSet<string> FreeForm = ["parameters", "trailers", "extended_trailers"];

    public static void AssertContainsAll(string fixtureFile, JsonNode? actual)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.GitLabFixtures, fixtureFile)));
        var missing = new List<string>();
        Compare(expected, actual, "$", missing);
        Assert.True(missing.Count == 0, $"{fixtureFile}: sandbox JSON lacks {string.Join(", ", missing)}");
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> missing)
    {
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        missing.Add($"{path}.{key}");
                        continue;
                    }

                    if (!FreeForm.Contains(key))
                    {
                        Compare(value, a[key], $"{path}.{key}", missing);
                    }
                }

                break;
            case JsonArray e when actual is JsonArray a && e.Count > 0 && a.Count > 0:
                Compare(e[0], a[0], $"{path}[0]", missing);
                break;
            case JsonArray when actual is not JsonArray && actual is not null:
                missing.Add($"{path} (array expected)");
                break;
        }
    }
}
