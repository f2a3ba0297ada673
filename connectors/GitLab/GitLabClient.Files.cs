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

    public async Task<string?> FindRawFileAsync(GitLabProjectId project, string filePath, string gitRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        ArgumentException.ThrowIfNullOrEmpty(gitRef);
        var uri = new Uri(_apiBase, new GitLabQuery($"{P(project)}/repository/files/{Seg(filePath)}/raw").Add("ref", gitRef).ToString());
        using var response = await SendUncheckedAsync(HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            // "404 File Not Found" is the normal answer; "404 Project Not Found" is a real problem and stays one.
            if (GitLabErrorBody.Parse(body, _options.Token).Message?.Contains("Project", StringComparison.OrdinalIgnoreCase) != true)
            {
                Log.OptionalFileAbsent(_logger, filePath, gitRef);
                return null;
            }

            throw new GitLabApiException(response.StatusCode, HttpMethod.Get.Method, uri.PathAndQuery, GitLabErrorBody.Parse(body, _options.Token));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(HttpMethod.Get, uri, response, cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<GitLabTreeItem> ListTreeAsync(GitLabProjectId project, string? path, string? gitRef, bool recursive, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabTreeItem>(
            new GitLabQuery($"{P(project)}/repository/tree").Add("path", path).Add("ref", gitRef).Add("recursive", recursive ? true : null).ToString(),
            cancellationToken);
}
