namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    private const string DraftPrefix = "Draft: ";

    public Task<GitLabMergeRequest> CreateMergeRequestAsync(GitLabProjectId project, GitLabNewMergeRequest request, bool draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = draft && !request.Title.StartsWith("Draft:", StringComparison.OrdinalIgnoreCase)
            ? request with { Title = DraftPrefix + request.Title }
            : request;
        return SendAsync<GitLabMergeRequest>(HttpMethod.Post, $"{P(project)}/merge_requests", body, cancellationToken);
    }

    public Task<GitLabMergeRequest> GetMergeRequestAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken) =>
        GetAsync<GitLabMergeRequest>($"{P(project)}/merge_requests/{mergeRequestIid}", cancellationToken);

    public IAsyncEnumerable<GitLabMergeRequest> ListMergeRequestsAsync(GitLabProjectId project, string sourceBranch, string? state, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceBranch);
        return PaginateAsync<GitLabMergeRequest>(
            new GitLabQuery($"{P(project)}/merge_requests").Add("source_branch", sourceBranch).Add("state", state).ToString(),
            cancellationToken);
    }

    public IAsyncEnumerable<GitLabCommit> ListMergeRequestCommitsAsync(GitLabProjectId project, long mergeRequestIid, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabCommit>($"{P(project)}/merge_requests/{mergeRequestIid}/commits", cancellationToken);
}
