using System.Net;
using System.Text.Json;

namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public Task<GitLabCommitChangeResult> CherryPickAsync(GitLabProjectId project, string sha, string branch, bool dryRun, CancellationToken cancellationToken) =>
        ChangeCommitAsync("cherry_pick", project, sha, branch, dryRun, cancellationToken);

    public Task<GitLabCommitChangeResult> RevertAsync(GitLabProjectId project, string sha, string branch, bool dryRun, CancellationToken cancellationToken) =>
        ChangeCommitAsync("revert", project, sha, branch, dryRun, cancellationToken);

    private async Task<GitLabCommitChangeResult> ChangeCommitAsync(
        string operation, GitLabProjectId project, string sha, string branch, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        var uri = new Uri(_apiBase, $"{P(project)}/repository/commits/{Seg(sha)}/{operation}");
        var body = new GitLabCommitChangeBody(branch, dryRun ? true : null);
        using var response = await SendUncheckedAsync(HttpMethod.Post, uri, body, cancellationToken).ConfigureAwait(false);

        if (response.IsSuccessStatusCode)
        {
            if (dryRun)
            {
                var dry = await ReadJsonAsync<GitLabDryRunResponse>(response, cancellationToken).ConfigureAwait(false);
                return string.Equals(dry.DryRun, "success", StringComparison.OrdinalIgnoreCase)
                    ? new GitLabCommitChangeResult { Status = GitLabCommitChangeStatus.DryRunSucceeded }
                    : throw new JsonException($"Unexpected dry_run value '{dry.DryRun}'.");
            }

            var commit = await ReadJsonAsync<GitLabCommit>(response, cancellationToken).ConfigureAwait(false);
            return new GitLabCommitChangeResult { Status = GitLabCommitChangeStatus.Committed, Commit = commit };
        }

        var exception = await ToExceptionAsync(HttpMethod.Post, uri, response, cancellationToken).ConfigureAwait(false);
        // GitLab explains a change that cannot apply with 400 + error_code; that is an answer, not a failure.
        if (response.StatusCode == HttpStatusCode.BadRequest && exception.ErrorCode is { Length: > 0 } code)
        {
            Log.CommitChangeRefused(_logger, operation, sha, branch, code);
            return new GitLabCommitChangeResult { Status = GitLabCommitChangeStatus.Refused, ErrorCode = code, Message = exception.GitLabMessage };
        }

        throw exception;
    }
}
