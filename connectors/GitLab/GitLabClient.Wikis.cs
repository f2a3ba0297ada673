namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public Task<GitLabWikiPage> GetWikiPageAsync(GitLabProjectId project, string slug, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        return SendAsync<GitLabWikiPage>(HttpMethod.Get, $"{P(project)}/wikis/{Seg(slug)}", null, cancellationToken);
    }

    public Task<GitLabWikiPage> CreateWikiPageAsync(GitLabProjectId project, string title, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(content);
        return SendAsync<GitLabWikiPage>(HttpMethod.Post, $"{P(project)}/wikis", new WikiBody(title, content, "markdown"), cancellationToken);
    }

    public Task<GitLabWikiPage> UpdateWikiPageAsync(GitLabProjectId project, string slug, string content, string? title, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        ArgumentNullException.ThrowIfNull(content);
        return SendAsync<GitLabWikiPage>(HttpMethod.Put, $"{P(project)}/wikis/{Seg(slug)}", new WikiBody(title, content, "markdown"), cancellationToken);
    }

    private sealed record WikiBody(string? Title, string Content, string Format);
}
