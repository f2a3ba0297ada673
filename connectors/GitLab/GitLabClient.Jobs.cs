namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabJob> ListPipelineJobsAsync(
        GitLabProjectId project, long pipelineId, IReadOnlyCollection<GitLabJobScope>? scopes, CancellationToken cancellationToken)
    {
        var path = new GitLabQuery($"{P(project)}/pipelines/{pipelineId}/jobs");
        foreach (var scope in scopes ?? [])
        {
            path.Add("scope[]", scope.ToString().ToLowerInvariant());
        }

        return PaginateAsync<GitLabJob>(path.ToString(), cancellationToken);
    }

    public IAsyncEnumerable<GitLabJob> ListProjectJobsAsync(GitLabProjectId project, IReadOnlyCollection<GitLabJobScope>? scopes, CancellationToken cancellationToken)
    {
        // Keyset pagination: offset pages over a busy project's jobs shift while we read them and get slow deep down.
        var path = new GitLabQuery($"{P(project)}/jobs").Add("pagination", "keyset").Add("order_by", "id").Add("sort", "desc");
        foreach (var scope in scopes ?? [])
        {
            path.Add("scope[]", scope.ToString().ToLowerInvariant());
        }

        return PaginateAsync<GitLabJob>(path.ToString(), cancellationToken);
    }

    public Task<string> GetJobTraceAsync(GitLabProjectId project, long jobId, CancellationToken cancellationToken) =>
        GetTextAsync($"{P(project)}/jobs/{jobId}/trace", cancellationToken);
}
