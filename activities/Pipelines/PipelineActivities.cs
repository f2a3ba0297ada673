using Microsoft.DurableTask;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Pipelines;

namespace RagnarokOps.Activities.Pipelines;

/// <summary>Reads the failed pipeline and diagnoses it (read-only, safe to repeat).</summary>
[DurableTask(ActivityNames.TriagePipeline)]
internal sealed class TriagePipelineActivity(PipelineTriageRunner runner) : TaskActivity<PipelineTriageRequest, PipelineDiagnosis>
{
    public override Task<PipelineDiagnosis> RunAsync(TaskActivityContext context, PipelineTriageRequest input) =>
        runner.TriageAsync(input, CancellationToken.None);
}

/// <summary>The Pipeline Doctor for <c>/envsync doctor [PIPELINE]</c>: read-only, safe to repeat.</summary>
[DurableTask(ActivityNames.DiagnoseEnvironments)]
internal sealed class DiagnoseEnvironmentsActivity(PipelineTriageRunner runner) : TaskActivity<DoctorRequest, PipelineDoctorOutcome>
{
    public override Task<PipelineDoctorOutcome> RunAsync(TaskActivityContext context, DoctorRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return runner.DoctorAsync(input.Project, input.PipelineId, CancellationToken.None);
    }
}

/// <summary>
/// Posts the one triage note: on the merge request when the pipeline ran for one, else as a discussion on the commit.
/// A re-run finds the note by the diagnosis' hidden marker and edits it instead of posting a second one.
/// </summary>
[DurableTask(ActivityNames.PostPipelineNote)]
internal sealed class PostPipelineNoteActivity(IGitLabClient gitlab) : TaskActivity<PipelineDiagnosis, PipelineNoteResult>
{
    public override async Task<PipelineNoteResult> RunAsync(TaskActivityContext context, PipelineDiagnosis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = PipelineNote.Render(input);
        var marker = input.Marker;
        if (input.MergeRequestIid is { } iid)
        {
            var target = $"!{iid}";
            await foreach (var note in gitlab.ListMergeRequestNotesAsync(input.ProjectId, iid, CancellationToken.None).ConfigureAwait(false))
            {
                if (note.Body.Contains(marker, StringComparison.Ordinal))
                {
                    await gitlab.UpdateMergeRequestNoteAsync(input.ProjectId, iid, note.Id, body, CancellationToken.None).ConfigureAwait(false);
                    return new(target, note.Id, true);
                }
            }

            return new(target, (await gitlab.CreateMergeRequestNoteAsync(input.ProjectId, iid, body, CancellationToken.None).ConfigureAwait(false)).Id, false);
        }

        var commit = $"commit {input.Sha[..Math.Min(8, input.Sha.Length)]}";
        await foreach (var discussion in gitlab.ListCommitDiscussionsAsync(input.ProjectId, input.Sha, CancellationToken.None).ConfigureAwait(false))
        {
            if (discussion.Notes.FirstOrDefault(n => n.Body.Contains(marker, StringComparison.Ordinal)) is { } note)
            {
                await gitlab.UpdateCommitDiscussionNoteAsync(input.ProjectId, input.Sha, discussion.Id, note.Id, body, CancellationToken.None).ConfigureAwait(false);
                return new(commit, note.Id, true);
            }
        }

        var created = await gitlab.CreateCommitDiscussionAsync(input.ProjectId, input.Sha, body, CancellationToken.None).ConfigureAwait(false);
        return new(commit, created.Notes.FirstOrDefault()?.Id ?? 0, false);
    }
}
