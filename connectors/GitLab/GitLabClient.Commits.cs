namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabCommit> ListCommitsAsync(GitLabProjectId project, GitLabCommitQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = new GitLabQuery($"{P(project)}/repository/commits")
            .Add("ref_name", query.RefName)
            .Add("path", query.Path)
            .Add("since", query.Since)
            .Add("until", query.Until)
            .Add("with_stats", query.WithStats)
            .Add("first_parent", query.FirstParent);
        return PaginateAsync<GitLabCommit>(path.ToString(), cancellationToken);
    }

    public Task<GitLabCommit> GetCommitAsync(GitLabProjectId project, string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        return GetAsync<GitLabCommit>($"{P(project)}/repository/commits/{Seg(sha)}", cancellationToken);
    }

    public IAsyncEnumerable<GitLabDiff> GetCommitDiffAsync(GitLabProjectId project, string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        return PaginateAsync<GitLabDiff>($"{P(project)}/repository/commits/{Seg(sha)}/diff", cancellationToken);
    }

    public Task<GitLabCompareResult> CompareAsync(GitLabProjectId project, string from, string to, bool straight, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        var path = new GitLabQuery($"{P(project)}/repository/compare").Add("from", from).Add("to", to).Add("straight", straight ? true : null);
        return GetAsync<GitLabCompareResult>(path.ToString(), cancellationToken);
    }

    public Task<GitLabCommit> CreateCommitAsync(GitLabProjectId project, GitLabCommitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Actions.Count == 0)
        {
            throw new ArgumentException("A commit needs at least one action.", nameof(request));
        }

        return SendAsync<GitLabCommit>(HttpMethod.Post, $"{P(project)}/repository/commits", request, cancellationToken);
    }
}
