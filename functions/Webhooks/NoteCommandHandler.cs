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

        var (refusal, explain) = await NoteApprovers.CheckAsync(
            services.GetRequiredService<IGitLabClient>(), logger, command.Case.ProjectId, command.UserId, command.Username, command.By, pending.Approvers, cancellationToken);
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
