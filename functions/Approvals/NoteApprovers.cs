using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Webhooks;

namespace RagnarokOps.Functions.Approvals;

/// <summary>
/// Whether the author of an approving note counts: GitLab authenticated them; the policy's <c>approval</c> section
/// (users, groups, min_access_level) says whether they may decide. Shared by <c>/ragnarok approve|reject</c> and
/// <c>/envsync approve</c>.
/// </summary>
internal static class NoteApprovers
{
    /// <summary>Why the author may not decide (null: they may), and whether a note should tell them.</summary>
    public static async Task<(string? Refusal, bool Explain)> CheckAsync(
        IGitLabClient gitlab, ILogger logger, long projectId, long? userId, string? username, string by, CaseApprovers approvers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitlab);
        ArgumentNullException.ThrowIfNull(approvers);
        if (userId is not { } id)
        {
            return ("the webhook names no user", false);
        }

        if (username is not null && approvers.Users.Contains(username, StringComparer.OrdinalIgnoreCase))
        {
            return (null, false);
        }

        try
        {
            foreach (var group in approvers.Groups)
            {
                if (await gitlab.GetGroupMemberAsync(group, id, cancellationToken) is not null)
                {
                    return (null, false);
                }
            }

            var member = await gitlab.GetMemberAsync(projectId, id, cancellationToken);
            var who = $"{by} is not listed in approval.users or a member of approval.groups and";
            return member is null
                ? ($"{who} is not a member of the project; deciding needs {approvers.Describe()} ({approvers.Rule})", true)
                : member.AccessLevel < approvers.MinAccessLevel
                    ? ($"{who} has access level {member.AccessLevel}; deciding needs {approvers.Describe()} ({approvers.Rule})", true)
                    : (null, false);
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            WebhooksLog.MemberLookupFailed(logger, e, id, projectId);
            return ("the author's membership could not be checked; try again", false);
        }
    }
}
