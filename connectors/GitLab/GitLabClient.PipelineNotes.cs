namespace RagnarokOps.Connectors.GitLab;

/// <summary>Where pipeline triage answers: merge request notes and commit discussions (whose notes can be edited, unlike commit comments).</summary>
internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabNote> ListMergeRequestNotesAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabNote>(
            new GitLabQuery($"{P(project)}/merge_requests/{mergeRequestIid}/notes").Add("order_by", "created_at").Add("sort", "asc").ToString(),
            cancellationToken);

    public Task<GitLabNote> CreateMergeRequestNoteAsync(GitLabProjectId project, long mergeRequestIid, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return SendAsync<GitLabNote>(HttpMethod.Post, $"{P(project)}/merge_requests/{mergeRequestIid}/notes", new NoteText(body), cancellationToken);
    }

    public Task<GitLabNote> UpdateMergeRequestNoteAsync(GitLabProjectId project, long mergeRequestIid, long noteId, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return SendAsync<GitLabNote>(HttpMethod.Put, $"{P(project)}/merge_requests/{mergeRequestIid}/notes/{noteId}", new NoteText(body), cancellationToken);
    }

    public IAsyncEnumerable<GitLabDiscussion> ListCommitDiscussionsAsync(GitLabProjectId project, string sha, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabDiscussion>($"{P(project)}/repository/commits/{Uri.EscapeDataString(sha)}/discussions", cancellationToken);

    public Task<GitLabDiscussion> CreateCommitDiscussionAsync(GitLabProjectId project, string sha, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return SendAsync<GitLabDiscussion>(HttpMethod.Post, $"{P(project)}/repository/commits/{Uri.EscapeDataString(sha)}/discussions", new NoteText(body), cancellationToken);
    }

    public Task<GitLabNote> UpdateCommitDiscussionNoteAsync(GitLabProjectId project, string sha, string discussionId, long noteId, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(body);
        return SendAsync<GitLabNote>(HttpMethod.Put,
            $"{P(project)}/repository/commits/{Uri.EscapeDataString(sha)}/discussions/{Uri.EscapeDataString(discussionId)}/notes/{noteId}", new NoteText(body), cancellationToken);
    }

    private sealed record NoteText(string Body);
}
