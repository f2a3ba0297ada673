namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public Task<GitLabRepositoryFile> GetFileAsync(GitLabProjectId project, string filePath, string gitRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentException.ThrowIfNullOrEmpty(gitRef);
        return GetAsync<GitLabRepositoryFile>(
            new GitLabQuery($"{P(project)}/repository/files/{Seg(filePath)}").Add("ref", gitRef).ToString(), cancellationToken);
    }

    public Task<string> GetRawFileAsync(GitLabProjectId project, string filePath, string gitRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentException.ThrowIfNullOrEmpty(gitRef);
        return GetTextAsync(
            new GitLabQuery($"{P(project)}/repository/files/{Seg(filePath)}/raw").Add("ref", gitRef).ToString(), cancellationToken);
    }

    public IAsyncEnumerable<GitLabTreeItem> ListTreeAsync(GitLabProjectId project, string? path, string? gitRef, bool recursive, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabTreeItem>(
            new GitLabQuery($"{P(project)}/repository/tree").Add("path", path).Add("ref", gitRef).Add("recursive", recursive ? true : null).ToString(),
            cancellationToken);
}
