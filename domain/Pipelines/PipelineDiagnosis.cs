using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Domain.Pipelines;

/// <summary>Whether a failed job is a new failure on its ref or was already failing there.</summary>
public enum FailureNovelty
{
    /// <summary>The ref has no earlier finished pipeline with this job: nothing to compare with.</summary>
    Unknown,

    /// <summary>The ref's previous pipeline ran this job and it passed.</summary>
    New,

    /// <summary>The ref's previous pipeline failed this job too.</summary>
    AlreadyFailing,
}

/// <summary>One failed job: what its log says, where, how sure, and whether it is new.</summary>
/// <param name="Chunk">The lines that explain the failure (redacted), or null with <paramref name="NoChunkReason"/>.</param>
/// <param name="BaselineJobId">The same job on the ref's last green pipeline, whose log was the baseline; null when there is none.</param>
public sealed record JobDiagnosis(
    long JobId,
    string Name,
    string? Stage,
    string? WebUrl,
    string? RuleId,
    string? Category,
    string? Title,
    string? Hint,
    long? ChunkStartLine,
    long? ChunkEndLine,
    string? Chunk,
    string? NoChunkReason,
    double Confidence,
    long? BaselineJobId,
    FailureNovelty Novelty,
    string NoveltyReason);

/// <summary>Code or environment: what the Pipeline Doctor concluded for one failed job of an environment branch.</summary>
public enum DoctorCause
{
    /// <summary>No other environment could say (no pipeline, no such job, the commit is nowhere else).</summary>
    Undetermined,

    /// <summary>The job fails too where the commit is present: the code is at fault.</summary>
    Code,

    /// <summary>The same code passes on another environment: the environment (its config) is at fault.</summary>
    Environment,
}

/// <summary>The same job on another environment's latest pipeline.</summary>
/// <param name="HasCommit">That environment's pipeline commit contains the failing commit.</param>
/// <param name="SameCode">The failing commit contains that pipeline's commit (it failed with more than passed there).</param>
public sealed record DoctorComparison(
    string Environment,
    string Branch,
    long? PipelineId,
    string? Sha,
    string? JobStatus,
    bool HasCommit,
    bool SameCode,
    string? SameRule,
    string? Problem);

/// <summary>The Pipeline Doctor's answer for one failed job of an environment branch.</summary>
/// <param name="ConfigDifferences">Config keys that differ between the passing environment's commit and the failing one (drift code).</param>
public sealed record DoctorVerdict(
    string Environment,
    string Job,
    DoctorCause Cause,
    double Confidence,
    string Reason,
    IReadOnlyList<DoctorComparison> Comparisons,
    IReadOnlyList<DriftFinding> ConfigDifferences);

/// <summary>Everything triage found for one failed pipeline.</summary>
/// <param name="Environment">The envsync.yaml environment the ref belongs to, or null.</param>
/// <param name="Problems">What could not be read, each saying why.</param>
public sealed record PipelineDiagnosis(
    long ProjectId,
    string Project,
    long PipelineId,
    string Ref,
    string Sha,
    string? WebUrl,
    long? MergeRequestIid,
    IReadOnlyList<JobDiagnosis> Jobs,
    string? Environment,
    IReadOnlyList<DoctorVerdict> Doctor,
    IReadOnlyList<string> Problems)
{
    /// <summary>The hidden marker of this pipeline's note: a re-run finds the note by it and edits it.</summary>
    public string Marker => PipelineNote.MarkerFor(ProjectId, PipelineId);

    /// <summary>The diagnosis' confidence: that of its surest job (0 when no job was read).</summary>
    public double Confidence => Jobs.Count == 0 ? 0 : Jobs.Max(j => j.Confidence);
}
