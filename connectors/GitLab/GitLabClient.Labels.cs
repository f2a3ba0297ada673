namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabLabel> ListLabelsAsync(GitLabProjectId project, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabLabel>($"{P(project)}/labels", cancellationToken);

    public Task<GitLabLabel> CreateLabelAsync(GitLabProjectId project, string name, string color, string? description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(color);
        return SendAsync<GitLabLabel>(HttpMethod.Post, $"{P(project)}/labels", new LabelBody(name, color, description), cancellationToken);
    }

    private sealed record LabelBody(string Name, string Color, string? Description);
}
