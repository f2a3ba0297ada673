using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Reporting;

/// <summary>One note per marker on an issue: found and updated in place on a re-run, created the first time.</summary>
internal static class IssueNotes
{
    public static async Task<GitLabNote> UpsertAsync(IGitLabClient gitlab, CaseRef caseRef, string marker, string body, CancellationToken cancellationToken)
    {
        GitLabNote? existing = null;
        await foreach (var note in gitlab.ListIssueNotesAsync(caseRef.ProjectId, caseRef.IssueIid, cancellationToken))
        {
            if (!note.System && note.Body.Contains(marker, StringComparison.Ordinal))
            {
                existing = note;
                break;
            }
        }

        if (existing is null)
        {
            return await gitlab.CreateIssueNoteAsync(caseRef.ProjectId, caseRef.IssueIid, body, cancellationToken);
        }

        return string.Equals(existing.Body, body, StringComparison.Ordinal)
            ? existing
            : await gitlab.UpdateIssueNoteAsync(caseRef.ProjectId, caseRef.IssueIid, existing.Id, body, cancellationToken);
    }

    public static async Task<string> UrlAsync(IGitLabClient gitlab, CaseRef caseRef, long noteId, CancellationToken cancellationToken)
    {
        var issue = await gitlab.GetIssueAsync(caseRef.ProjectId, caseRef.IssueIid, cancellationToken);
        return $"{issue.WebUrl}#note_{noteId}";
    }
}
