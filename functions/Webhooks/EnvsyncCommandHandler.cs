using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.Management;
using RagnarokOps.Orchestrations.Environments;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// <c>/envsync &lt;verb&gt;</c> in an issue or merge request note: GitLab authenticated the author; the command runs only for a project
/// member with at least Developer access (30), as one orchestration per note (a redelivery finds it). A refusal is
/// said on the thread too.
/// </summary>
internal sealed partial class EnvsyncCommandHandler(
    IServiceProvider services, EngineClient engine, IApprovalDecisionSink sink, TimeProvider time, ILogger<EnvsyncCommandHandler> logger)
{
    public const int MinAccessLevel = 30;

    public async Task<(bool Started, string Message)> HandleAsync(WebhookDecision.Envsync decision, CancellationToken cancellationToken)
    {
        var command = decision.Command;
        if (services.GetService<IGitLabClient>() is not { } gitlab)
        {
            return Refused(command, "GitLab is not configured, so the author cannot be checked");
        }

        if (decision.UserId is not { } userId)
        {
            return Refused(command, "the webhook names no user");
        }

        if (command.Verb is "approve" or "reject")
        {
            // Deciding counts only from whom the policy's approval section allows (checked against the waiting instance), not any developer.
            return await DecideAsync(gitlab, decision, approved: command.Verb == "approve", cancellationToken);
        }

        GitLabMember? member;
        try
        {
            member = await gitlab.GetMemberAsync(command.ProjectId, userId, cancellationToken);
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            return Refused(command, "the author's membership could not be checked; try again");
        }

        if (member is null || member.AccessLevel < MinAccessLevel)
        {
            var why = member is null
                ? $"{command.By} is not a member of the project; /envsync needs Developer access ({MinAccessLevel}) or more"
                : $"{command.By} has access level {member.AccessLevel}; /envsync needs Developer access ({MinAccessLevel}) or more";
            await ExplainAsync(gitlab, command, why, cancellationToken);
            return Refused(command, why);
        }

        var started = await InstanceStarts.StartOnceAsync(engine.Client, EnvsyncCommandOrchestration.Name, command.InstanceId, command, cancellationToken);
        var message = started ? $"/envsync {command.Verb} started" : "already started for this note; not started again";
        WebhooksLog.NoteCommand(logger, command.InstanceId, message);
        return (started, message);
    }

    private (bool, string) Refused(EnvsyncCommand command, string why)
    {
        WebhooksLog.NoteCommand(logger, command.InstanceId, why);
        return (false, why);
    }

    private Task ExplainAsync(IGitLabClient gitlab, EnvsyncCommand command, string why, CancellationToken cancellationToken) =>
        AnswerAsync(gitlab, command, $"RagnarokOps did not run `/envsync {command.Verb}`: {why}.\n\n{command.AnswerMarker}", cancellationToken);
}
