using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// <c>/ragnarok approve|reject</c> in a note: counts only from a member whose access level meets the policy, and only
/// while the case waits for a decision. The result is a sentence either way (what was done, or why not).
/// </summary>
internal sealed class NoteCommandHandler(
    IServiceProvider services,
    IApprovalRequestSource requests,
    IApprovalDecisionSink sink,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<NoteCommandHandler> logger)
{
    public async Task<(bool Decided, string Message)> HandleAsync(WebhookDecision.Decide command, CancellationToken cancellationToken)
    {
        var instanceId = command.Case.InstanceId;
        var verb = command.Approved ? "approve" : "reject";
        var (refusal, explain) = await CheckAccessAsync(command, cancellationToken);
        if (refusal is not null)
        {
            WebhooksLog.NoteCommand(logger, instanceId, refusal);
            if (explain)
            {
                await ExplainAsync(command, $"RagnarokOps did not act on `/ragnarok {verb}`: {refusal}.", cancellationToken);
            }

            return (false, refusal);
        }

        if (await requests.GetPendingAsync(instanceId, cancellationToken) is not { } pending)
        {
            const string NothingPending = "the case is not waiting for an approval (decided, timed out or never started)";
            WebhooksLog.NoteCommand(logger, instanceId, NothingPending);
            return (false, NothingPending);
        }

        await sink.RaiseAsync(instanceId, new ApprovalDecision(command.Approved, pending.Action, command.By, command.Comment, time.GetUtcNow()), cancellationToken);
        var done = $"{command.By} chose {verb} for {pending.Action}";
        WebhooksLog.NoteCommand(logger, instanceId, done);
        return (true, done);
    }

    /// <summary>Why the author may not decide (null: they may), and whether a note should tell them.</summary>
    private async Task<(string? Refusal, bool Explain)> CheckAccessAsync(WebhookDecision.Decide command, CancellationToken cancellationToken)
    {
        if (services.GetService<IGitLabClient>() is not { } gitlab)
        {
            return ("GitLab is not configured, so the author's access level cannot be checked", false);
        }

        if (command.UserId is not { } userId)
        {
            return ("the webhook names no user", false);
        }

        GitLabMember? member;
        try
        {
            member = await gitlab.GetMemberAsync(command.Case.ProjectId, userId, cancellationToken);
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            WebhooksLog.MemberLookupFailed(logger, e, userId, command.Case.ProjectId);
            return ("the author's access level could not be checked; try again", false);
        }

        var required = options.Value.ApproverAccessLevel;
        return member is null
            ? ($"{command.By} is not a member of the project", true)
            : member.AccessLevel < required
                ? ($"{command.By} has access level {member.AccessLevel}; deciding needs {required} or more", true)
                : (null, false);
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
