namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabBranch> ListBranchesAsync(GitLabProjectId project, string? search, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabBranch>(new GitLabQuery($"{P(project)}/repository/branches").Add("search", search).ToString(), cancellationToken);

    public Task<GitLabBranch> CreateBranchAsync(GitLabProjectId project, string branch, string fromRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(branch);
        ArgumentException.ThrowIfNullOrEmpty(fromRef);
        return SendAsync<GitLabBranch>(HttpMethod.Post, $"{P(project)}/repository/branches", new BranchBody(branch, fromRef), cancellationToken);
    }

    private sealed record BranchBody(string Branch, string Ref);
}
