using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagnarokOps.Sandbox.Seeding;

/// <summary>
/// What a seed planted, written to <c>ground-truth.json</c> in the data folder. Tests and the demo's narration
/// read it; the product never does (it must find the culprit on its own).
/// </summary>
public sealed record GroundTruth
{
    public const string FileName = "ground-truth.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public required string Scenario { get; init; }
    public required long ProjectId { get; init; }
    public required string ProjectPath { get; init; }
    public required DateTimeOffset Anchor { get; init; }
    public string? CulpritSha { get; init; }
    public string? CulpritTitle { get; init; }
    public string? CulpritFile { get; init; }
    public long? DeploymentId { get; init; }
    public DateTimeOffset? DeployedAt { get; init; }
    public DateTimeOffset? OnsetAt { get; init; }
    public string? LogFile { get; init; }
    public string? Service { get; init; }
    public string? Environment { get; init; }
    public string? FlagName { get; init; }
    public DateTimeOffset? FlagToggledAt { get; init; }
    public long? FailedJobId { get; init; }
    public required string IssueTitle { get; init; }
    public required string IssueDescription { get; init; }
    [JsonPropertyName("issue_labels")]
    public IReadOnlyList<string> IssueLabels { get; init; } = [];

    public static GroundTruth? Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<GroundTruth>(File.ReadAllText(path), Json) : null;
    }

    public void Save(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }
}
