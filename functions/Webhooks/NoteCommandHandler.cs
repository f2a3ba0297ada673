using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// <c>/ragnarok approve|reject</c> in a note: GitLab authenticated its author, and it counts only from someone the
/// policy's <c>approval</c> section allows, and only while the case waits for a decision. The result is a sentence
/// either way (what was done, or why not).
/// </summary>
internal sealed class NoteCommandHandler(
    IServiceProvider services,
    IApprovalRequestSource requests,
    IApprovalDecisionSink sink,
    TimeProvider time,
    ILogger<NoteCommandHandler> logger)
{
    public async Task<(bool Decided, string Message)> HandleAsync(WebhookDecision.Decide command, CancellationToken cancellationToken)
    {
        var instanceId = command.Case.InstanceId;
        var verb = command.Approved ? "approve" : "reject";
        if (services.GetService<IGitLabClient>() is null)
        {
            const string NoGitLab = "GitLab is not configured, so the author cannot be checked against the policy";
            WebhooksLog.NoteCommand(logger, instanceId, NoGitLab);
            return (false, NoGitLab);
        }

        if (await requests.GetPendingAsync(instanceId, cancellationToken) is not { } pending)
        {
            const string NothingPending = "the case is not waiting for an approval (decided, timed out or never started)";
            WebhooksLog.NoteCommand(logger, instanceId, NothingPending);
            return (false, NothingPending);
        }

        var (refusal, explain) = await CheckApproverAsync(command, pending.Approvers, cancellationToken);
        if (refusal is not null)
        {
            WebhooksLog.NoteCommand(logger, instanceId, refusal);
            if (explain)
            {
                await ExplainAsync(command, $"RagnarokOps did not act on `/ragnarok {verb}`: {refusal}.", cancellationToken);
            }

            return (false, refusal);
        }

        await sink.RaiseAsync(instanceId, new ApprovalDecision(command.Approved, pending.Action, command.By, command.Comment, time.GetUtcNow()), cancellationToken);
        var done = $"{command.By} chose {verb} for {pending.Action}";
        WebhooksLog.NoteCommand(logger, instanceId, done);
        return (true, done);
    }

    /// <summary>
    /// Why the author may not decide (null: they may), and whether a note should tell them. GitLab authenticated the
    /// author; the policy's <c>approval</c> section (users, groups, min_access_level) says whether they count.
    /// </summary>
    private async Task<(string? Refusal, bool Explain)> CheckApproverAsync(WebhookDecision.Decide command, CaseApprovers approvers, CancellationToken cancellationToken)
    {
        var gitlab = services.GetRequiredService<IGitLabClient>();
        if (command.UserId is not { } userId)
        {
            return ("the webhook names no user", false);
        }

        if (command.Username is { } username && approvers.Users.Contains(username, StringComparer.OrdinalIgnoreCase))
        {
            return (null, false);
        }

        try
        {
            foreach (var group in approvers.Groups)
            {
                if (await gitlab.GetGroupMemberAsync(group, userId, cancellationToken) is not null)
                {
                    return (null, false);
                }
            }

            var member = await gitlab.GetMemberAsync(command.Case.ProjectId, userId, cancellationToken);
            var who = $"{command.By} is not listed in approval.users or a member of approval.groups and";
            return member is null
                ? ($"{who} is not a member of the project; deciding needs {approvers.Describe()} ({approvers.Rule})", true)
                : member.AccessLevel < approvers.MinAccessLevel
                    ? ($"{who} has access level {member.AccessLevel}; deciding needs {approvers.Describe()} ({approvers.Rule})", true)
                    : (null, false);
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            WebhooksLog.MemberLookupFailed(logger, e, userId, command.Case.ProjectId);
            return ("the author's membership could not be checked; try again", false);
        }
    }

    /// <summary>Tells the author on the issue why nothing happened; best effort, the webhook's answer says it too.</summary>
    private async Task ExplainAsync(WebhookDecision.Decide command, string message, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IGitLabClient>().CreateIssueNoteAsync(command.Case.ProjectId, command.Case.IssueIid, message, cancellationToken);
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            WebhooksLog.ExplanationNotPosted(logger, e, command.Case.InstanceId);
        }
    }
}
