namespace RagnarokOps.Domain.Evidence;

/// <summary>
/// Everything gathered for one case, fanned in from the gather activities. A source that failed is in
/// <see cref="Missing"/> with its reason; its list here is empty.
/// </summary>
public sealed record EvidenceBundle(
    TimeWindow Window,
    LogEvidence? Logs,
    IReadOnlyList<DeploymentEvidence> Deployments,
    IReadOnlyList<CommitEvidence> Commits,
    IReadOnlyList<FlagChangeEvidence> FlagChanges,
    IReadOnlyList<PipelineEvidence> Pipelines,
    IReadOnlyList<MissingEvidence> Missing,
    IReadOnlyList<ConfigDriftEvidence>? ConfigDrift = null);
