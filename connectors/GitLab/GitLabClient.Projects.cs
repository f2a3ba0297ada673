namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public Task<GitLabProject> GetProjectAsync(GitLabProjectId project, CancellationToken cancellationToken) =>
        GetAsync<GitLabProject>(P(project), cancellationToken);

    public IAsyncEnumerable<GitLabProject> ListGroupProjectsAsync(string group, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        return PaginateAsync<GitLabProject>(
            new GitLabQuery($"groups/{Seg(group.Trim('/'))}/projects").Add("include_subgroups", true).Add("archived", false).ToString(), cancellationToken);
    }

    public Task<GitLabBranch> GetBranchAsync(GitLabProjectId project, string branch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        return GetAsync<GitLabBranch>($"{P(project)}/repository/branches/{Seg(branch)}", cancellationToken);
    }

    public Task<GitLabCommit> GetMergeBaseAsync(GitLabProjectId project, string first, string second, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(first);
        ArgumentException.ThrowIfNullOrEmpty(second);
        return GetAsync<GitLabCommit>(new GitLabQuery($"{P(project)}/repository/merge_base").Add("refs[]", first).Add("refs[]", second).ToString(), cancellationToken);
    }

    public IAsyncEnumerable<GitLabIssue> ListIssuesAsync(GitLabProjectId project, GitLabIssueQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PaginateAsync<GitLabIssue>(
            new GitLabQuery($"{P(project)}/issues").Add("search", query.Search).Add("labels", query.Labels).Add("state", query.State).ToString(), cancellationToken);
    }

    public Task<GitLabIssue> UpdateIssueAsync(GitLabProjectId project, long issueIid, GitLabIssuableUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendAsync<GitLabIssue>(HttpMethod.Put, $"{P(project)}/issues/{issueIid}", update, cancellationToken);
    }

    public IAsyncEnumerable<GitLabMergeRequest> ListMergeRequestsAsync(GitLabProjectId project, GitLabMergeRequestQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PaginateAsync<GitLabMergeRequest>(
            new GitLabQuery($"{P(project)}/merge_requests").Add("source_branch", query.SourceBranch).Add("target_branch", query.TargetBranch).Add("state", query.State).ToString(),
            cancellationToken);
    }

    public Task<GitLabMergeRequest> UpdateMergeRequestAsync(GitLabProjectId project, long mergeRequestIid, GitLabIssuableUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendAsync<GitLabMergeRequest>(HttpMethod.Put, $"{P(project)}/merge_requests/{mergeRequestIid}", update, cancellationToken);
    }
}
