using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Pipelines;

namespace RagnarokOps.Activities.Pipelines;

/// <summary>A failed pipeline to triage, as its Pipeline Hook named it.</summary>
/// <param name="MergeRequestIid">The merge request the pipeline ran for; the note goes there instead of on the commit.</param>
public sealed record PipelineTriageRequest(long ProjectId, string Project, long PipelineId, string Ref, string Sha, string? WebUrl, long? MergeRequestIid)
{
    /// <summary>One instance per pipeline: a redelivered hook finds it.</summary>
    public string InstanceId => $"pipeline-{ProjectId}-{PipelineId}";
}

/// <summary>Where the triage note is: on a merge request or a commit, created or edited in place.</summary>
public sealed record PipelineNoteResult(string Target, long NoteId, bool Updated);

/// <summary>
/// What PipelineTriageOrchestration returns: the diagnosis, its note, and the incident signal the incident flow can take
/// (Source Pipeline, Target <c>pipeline:&lt;ref&gt;</c>, Evidence the redacted chunk lines).
/// </summary>
public sealed record PipelineTriageOutcome(PipelineDiagnosis Diagnosis, PipelineNoteResult? Note, IncidentSignal Signal, IReadOnlyList<string>? Incidents = null);

/// <summary>Which project's failed environment pipeline to examine; without an id, the latest failed one of an environment branch.</summary>
public sealed record DoctorRequest(string Project, long? PipelineId);

/// <summary>The Pipeline Doctor's answer for <c>ragnarok env doctor</c> and <c>/envsync doctor</c>; <see cref="Problems"/> says why when there is no diagnosis.</summary>
public sealed record PipelineDoctorOutcome(string Project, PipelineDiagnosis? Diagnosis, IReadOnlyList<string> Problems)
{
    public IReadOnlyList<DoctorVerdict> Verdicts => Diagnosis?.Doctor ?? [];
}
