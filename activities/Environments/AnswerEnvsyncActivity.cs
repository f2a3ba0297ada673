using Microsoft.DurableTask;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Environments;

/// <summary>Posts the answer of a <c>/envsync</c> command on its issue or merge request; a re-run finds the answer by its marker and updates it.</summary>
[DurableTask(ActivityNames.AnswerEnvsync)]
internal sealed class AnswerEnvsyncActivity(IGitLabClient gitlab) : TaskActivity<EnvsyncAnswerRequest, long>
{
    public override async Task<long> RunAsync(TaskActivityContext context, EnvsyncAnswerRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var command = input.Command;
        if (command.OnMergeRequest)
        {
            return await UpsertOnMergeRequestAsync(command, input.Body);
        }

        var note = await IssueNotes.UpsertAsync(
            gitlab, new CaseRef(command.ProjectId, command.Project, command.IssueIid), command.AnswerMarker, input.Body, CancellationToken.None);
        return note.Id;
    }

    private async Task<long> UpsertOnMergeRequestAsync(EnvsyncCommand command, string body)
    {
        await foreach (var note in gitlab.ListMergeRequestNotesAsync(command.ProjectId, command.IssueIid, CancellationToken.None))
        {
            if (!note.System && note.Body.Contains(command.AnswerMarker, StringComparison.Ordinal))
            {
                return string.Equals(note.Body, body, StringComparison.Ordinal)
                    ? note.Id
                    : (await gitlab.UpdateMergeRequestNoteAsync(command.ProjectId, command.IssueIid, note.Id, body, CancellationToken.None)).Id;
            }
        }

        return (await gitlab.CreateMergeRequestNoteAsync(command.ProjectId, command.IssueIid, body, CancellationToken.None)).Id;
    }
}
