namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabFeatureFlag> ListFeatureFlagsAsync(GitLabProjectId project, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabFeatureFlag>($"{P(project)}/feature_flags", cancellationToken);

    public Task<GitLabFeatureFlag> GetFeatureFlagAsync(GitLabProjectId project, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return GetAsync<GitLabFeatureFlag>($"{P(project)}/feature_flags/{Seg(name)}", cancellationToken);
    }
}
