namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabDeployment> ListDeploymentsAsync(GitLabProjectId project, GitLabDeploymentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = new GitLabQuery($"{P(project)}/deployments")
            .Add("environment", query.Environment)
            .Add("status", query.Status)
            .Add("updated_after", query.UpdatedAfter)
            .Add("updated_before", query.UpdatedBefore)
            .Add("order_by", query.OrderBy)
            .Add("sort", query.Sort);
        return PaginateAsync<GitLabDeployment>(path.ToString(), cancellationToken);
    }
}
