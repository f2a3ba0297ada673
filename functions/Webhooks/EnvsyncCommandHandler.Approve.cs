using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Functions.Approvals;

namespace RagnarokOps.Functions.Webhooks;

/// <summary>
/// <c>/envsync approve [INSTANCE]</c> and <c>/envsync reject [INSTANCE]</c>: raise the ApprovalDecision event to the <c>/envsync rollback|cherry-pick</c>
/// instance waiting on this issue (found by the awaiting marker of its answer note, confirmed by its custom status),
/// only from someone the policy's <c>approval</c> section allows (the check <c>/ragnarok approve</c> uses). One answer
/// note; a redelivery finds it and raises nothing again.
/// </summary>
internal sealed partial class EnvsyncCommandHandler
{
    private async Task<(bool Started, string Message)> DecideAsync(IGitLabClient gitlab, WebhookDecision.Envsync decision, bool approved, CancellationToken cancellationToken)
    {
        var command = decision.Command;
        var verb = command.Verb;
        var words = command.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var awaiting = new List<(string InstanceId, string Action)>();
        try
        {
            await foreach (var note in ListNotesAsync(gitlab, command, cancellationToken))
            {
                if (note.Body.Contains(command.AnswerMarker, StringComparison.Ordinal))
                {
                    return Refused(command, "already answered for this note; nothing raised again");
                }

                awaiting.AddRange(EnvsyncWriteAnswers.AwaitingIn(note.Body));
            }
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            return Refused(command, "the notes could not be read to find the waiting instance; try again");
        }

        if (words.Length > 1)
        {
            return await AnswerRefusalAsync(gitlab, command, $"/envsync {verb} takes [INSTANCE], not '{command.Arguments}'", cancellationToken);
        }

        var waiting = new List<(string InstanceId, EnvsyncAwaiting Status)>();
        foreach (var (instanceId, action) in awaiting.Distinct().Where(a => words.Length == 0 || a.InstanceId == words[0]))
        {
            if (await WaitingStatusAsync(instanceId, cancellationToken) is { } status && status.Action == action)
            {
                waiting.Add((instanceId, status));
            }
        }

        if (waiting.Count != 1)
        {
            var why = waiting.Count > 1
                ? $"{waiting.Count} instances wait for an approval here; name one: {string.Join(", ", waiting.Select(w => $"`/envsync {verb} {w.InstanceId}`"))}"
                : words.Length == 1
                    ? $"`{words[0]}` is not an /envsync rollback or cherry-pick of this thread waiting for an approval (decided, timed out or never started)"
                    : "nothing started by /envsync here waits for an approval (decided, timed out or never started)";
            return await AnswerRefusalAsync(gitlab, command, why, cancellationToken);
        }

        var (target, pending) = waiting[0];
        var (refusal, _) = await NoteApprovers.CheckAsync(gitlab, logger, command.ProjectId, decision.UserId, decision.Username, command.By, pending.Approvers, cancellationToken);
        if (refusal is not null)
        {
            return await AnswerRefusalAsync(gitlab, command, refusal, cancellationToken);
        }

        await sink.RaiseAsync(target, new ApprovalDecision(approved, pending.Action, command.By, null, time.GetUtcNow()), cancellationToken);
        var done = $"{command.By} {(approved ? "approved" : "rejected")} {pending.Action} for {target}";
        WebhooksLog.NoteCommand(logger, command.InstanceId, done);
        var text = approved
            ? $"Approved **{pending.Action}** for `{target}`: it goes on, and its answer note above says what it opened."
            : $"Rejected **{pending.Action}** for `{target}`: it stops and opens nothing; its answer note above says so.";
        await AnswerAsync(gitlab, command, EnvsyncWriteAnswers.Approve(command, text), cancellationToken);
        return (true, done);
    }

    /// <summary>The custom status of a running instance that waits for an approval, or null.</summary>
    private async Task<EnvsyncAwaiting?> WaitingStatusAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await engine.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is not { IsRunning: true } || string.IsNullOrEmpty(instance.SerializedCustomStatus))
        {
            return null;
        }

        try
        {
            return instance.ReadCustomStatusAs<EnvsyncAwaiting>() is { Action: not null, Approvers: not null } status ? status : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // A status string (opening the merge request, …): it no longer waits.
            return null;
        }
    }

    private async Task<(bool, string)> AnswerRefusalAsync(IGitLabClient gitlab, EnvsyncCommand command, string why, CancellationToken cancellationToken)
    {
        await AnswerAsync(gitlab, command, EnvsyncAnswers.Refused(command, why), cancellationToken);
        return Refused(command, why);
    }

    /// <summary>Posts a note on the command's thread (issue or merge request); best effort, the webhook's answer says it too.</summary>
    private async Task AnswerAsync(IGitLabClient gitlab, EnvsyncCommand command, string body, CancellationToken cancellationToken)
    {
        try
        {
            _ = command.OnMergeRequest
                ? await gitlab.CreateMergeRequestNoteAsync(command.ProjectId, command.IssueIid, body, cancellationToken)
                : await gitlab.CreateIssueNoteAsync(command.ProjectId, command.IssueIid, body, cancellationToken);
        }
        catch (Exception e) when (e is GitLabApiException or HttpRequestException)
        {
            WebhooksLog.ExplanationNotPosted(logger, e, command.InstanceId);
        }
    }

    private static IAsyncEnumerable<GitLabNote> ListNotesAsync(IGitLabClient gitlab, EnvsyncCommand command, CancellationToken cancellationToken) =>
        command.OnMergeRequest
            ? gitlab.ListMergeRequestNotesAsync(command.ProjectId, command.IssueIid, cancellationToken)
            : gitlab.ListIssueNotesAsync(command.ProjectId, command.IssueIid, cancellationToken);
}
