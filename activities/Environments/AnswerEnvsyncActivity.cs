using Microsoft.DurableTask;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Environments;

/// <summary>Posts the answer of a <c>/envsync</c> command on its issue; a re-run finds the answer by its marker and updates it.</summary>
[DurableTask(ActivityNames.AnswerEnvsync)]
internal sealed class AnswerEnvsyncActivity(IGitLabClient gitlab) : TaskActivity<EnvsyncAnswerRequest, long>
{
    public override async Task<long> RunAsync(TaskActivityContext context, EnvsyncAnswerRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var command = input.Command;
        var note = await IssueNotes.UpsertAsync(
            gitlab, new CaseRef(command.ProjectId, command.Project, command.IssueIid), command.AnswerMarker, input.Body, CancellationToken.None);
        return note.Id;
    }
}
