namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabNote> ListIssueNotesAsync(GitLabProjectId project, long issueIid, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabNote>(
            new GitLabQuery($"{P(project)}/issues/{issueIid}/notes").Add("order_by", "created_at").Add("sort", "asc").ToString(),
            cancellationToken);

    public Task<GitLabNote> CreateIssueNoteAsync(GitLabProjectId project, long issueIid, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return SendAsync<GitLabNote>(HttpMethod.Post, $"{P(project)}/issues/{issueIid}/notes", new NoteBody(body), cancellationToken);
    }

    public Task<GitLabNote> UpdateIssueNoteAsync(GitLabProjectId project, long issueIid, long noteId, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return SendAsync<GitLabNote>(HttpMethod.Put, $"{P(project)}/issues/{issueIid}/notes/{noteId}", new NoteBody(body), cancellationToken);
    }

    private sealed record NoteBody(string Body);
}
