namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabPipeline> ListPipelinesAsync(GitLabProjectId project, GitLabPipelineQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = new GitLabQuery($"{P(project)}/pipelines")
            .Add("ref", query.Ref)
            .Add("sha", query.Sha)
            .Add("status", query.Status)
            .Add("source", query.Source)
            .Add("updated_after", query.UpdatedAfter)
            .Add("updated_before", query.UpdatedBefore)
            .Add("order_by", query.OrderBy)
            .Add("sort", query.Sort);
        return PaginateAsync<GitLabPipeline>(path.ToString(), cancellationToken);
    }

    public Task<GitLabPipeline> GetPipelineAsync(GitLabProjectId project, long pipelineId, CancellationToken cancellationToken) =>
        GetAsync<GitLabPipeline>($"{P(project)}/pipelines/{pipelineId}", cancellationToken);

    public Task<GitLabPipeline> CreatePipelineAsync(
        GitLabProjectId project, string gitRef, IReadOnlyList<GitLabPipelineVariable>? variables, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(gitRef);
        var body = new GitLabNewPipeline(gitRef, variables is { Count: > 0 } ? variables : null);
        return SendAsync<GitLabPipeline>(HttpMethod.Post, $"{P(project)}/pipeline", body, cancellationToken);
    }
}
