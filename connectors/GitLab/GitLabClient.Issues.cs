namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public Task<GitLabIssue> GetIssueAsync(GitLabProjectId project, long issueIid, CancellationToken cancellationToken) =>
        GetAsync<GitLabIssue>($"{P(project)}/issues/{issueIid}", cancellationToken);

    public Task<GitLabIssue> CreateIssueAsync(GitLabProjectId project, GitLabNewIssue issue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return SendAsync<GitLabIssue>(HttpMethod.Post, $"{P(project)}/issues", issue, cancellationToken);
    }

    public Task<GitLabIssue> UpdateIssueLabelsAsync(GitLabProjectId project, long issueIid, GitLabLabelChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Add.Count == 0 && change.Remove.Count == 0)
        {
            // GitLab answers 400 to a PUT that names nothing to change; nothing to change is just a read.
            return GetIssueAsync(project, issueIid, cancellationToken);
        }

        var body = new LabelUpdateBody(
            change.Add.Count > 0 ? string.Join(',', change.Add) : null,
            change.Remove.Count > 0 ? string.Join(',', change.Remove) : null);
        return SendAsync<GitLabIssue>(HttpMethod.Put, $"{P(project)}/issues/{issueIid}", body, cancellationToken);
    }

    private sealed record LabelUpdateBody(string? AddLabels, string? RemoveLabels);
}
