namespace RagnarokOps.Activities.Repro;

/// <summary>Settings section <c>Replay</c>: whether ReplayInStaging sends the request or only records what it would send.</summary>
public sealed class ReplayOptions
{
    public const string SectionName = "Replay";

    internal const string HttpClientName = "RagnarokOps.Replay";

    internal static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Record the request a replay would send, and send nothing.</summary>
    public bool DryRun { get; set; }
}
