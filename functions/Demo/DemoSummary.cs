using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagnarokOps.Functions.Demo;

internal sealed record DemoHypothesis(string Kind, string? Sha, string? Flag, double Confidence, string Title);

internal sealed record DemoMergeRequest(long? Iid, string? SourceBranch, string? Url);

/// <summary>What <c>ragnarok demo --summary FILE</c> writes: enough for a script or a test to check the run.</summary>
internal sealed record DemoSummary(
    string InstanceId,
    string RuntimeStatus,
    string? Result,
    DemoHypothesis? TopHypothesis,
    string? NoteUrl,
    string? ApprovalUrl,
    DemoMergeRequest? MergeRequest,
    IReadOnlyList<string> Artifacts,
    string DataDirectory,
    double Seconds,
    IReadOnlyList<DemoRegressionRun>? RegressionRuns = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Task WriteAsync(string path, CancellationToken cancellationToken) => WriteJsonAsync(this, path, cancellationToken);

    public static DemoSummary? Read(string path) => ReadJson<DemoSummary>(path);

    /// <summary>Writes a demo summary (this or another scenario's) in the one JSON shape scripts and tests read.</summary>
    internal static Task WriteJsonAsync<T>(T summary, string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(summary, Json), cancellationToken);

    /// <summary>Reads a summary that WriteJsonAsync wrote.</summary>
    internal static T? ReadJson<T>(string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
}
