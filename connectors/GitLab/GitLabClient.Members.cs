namespace RagnarokOps.Connectors.GitLab;

internal sealed partial class GitLabClient
{
    public IAsyncEnumerable<GitLabMember> ListMembersAsync(GitLabProjectId project, bool includeInherited, CancellationToken cancellationToken) =>
        PaginateAsync<GitLabMember>($"{P(project)}/members{(includeInherited ? "/all" : "")}", cancellationToken);

    public async Task<GitLabMember?> GetMemberAsync(GitLabProjectId project, long userId, CancellationToken cancellationToken)
    {
        try
        {
            // members/all counts group memberships too: a group maintainer may approve without being a direct member.
            return await GetAsync<GitLabMember>($"{P(project)}/members/all/{userId}", cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<GitLabMember?> GetGroupMemberAsync(string groupPath, long userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupPath);
        try
        {
            // members/all counts subgroup and ancestor memberships, as approval.groups means "members of this group".
            return await GetAsync<GitLabMember>($"groups/{Uri.EscapeDataString(groupPath.Trim('/'))}/members/all/{userId}", cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<GitLabUser?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        await foreach (var user in PaginateAsync<GitLabUser>($"users?username={Uri.EscapeDataString(username.TrimStart('@'))}", cancellationToken).ConfigureAwait(false))
        {
            return user;
        }

        return null;
    }
}
