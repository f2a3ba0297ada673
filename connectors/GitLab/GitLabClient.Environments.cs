namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabEnvironment> ListEnvironmentsAsync(GitLabProjectId project, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabEnvironment>($"{P(project)}/environments", cancellationToken);

    public Task<GitLabEnvironment> GetEnvironmentAsync(GitLabProjectId project, long environmentId, CancellationToken cancellationToken) =>
        GetAsync<GitLabEnvironment>($"{P(project)}/environments/{environmentId}", cancellationToken);
}
