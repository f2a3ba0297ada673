using Microsoft.DurableTask;
using RagnarokOps.Connectors.Notifications;
using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Activities.Incidents;

// One class per activity; each is idempotent through the markers IncidentGitLab looks for first.

[DurableTask(ActivityNames.GradeIncident)]
internal sealed class GradeIncidentActivity(IncidentGitLab gitlab) : TaskActivity<IncidentSignal, IncidentCase>
{
    public override Task<IncidentCase> RunAsync(TaskActivityContext context, IncidentSignal input) =>
        gitlab.GradeAsync(input, CancellationToken.None);
}

[DurableTask(ActivityNames.FileIncidentIssue)]
internal sealed class FileIncidentIssueActivity(IncidentGitLab gitlab) : TaskActivity<IncidentCase, FileIncidentResult>
{
    public override Task<FileIncidentResult> RunAsync(TaskActivityContext context, IncidentCase input) =>
        gitlab.FileAsync(input, CancellationToken.None);
}

[DurableTask(ActivityNames.WriteIncidentWiki)]
internal sealed class WriteIncidentWikiActivity(IncidentGitLab gitlab) : TaskActivity<IncidentIssueRequest, IncidentWikiResult>
{
    public override Task<IncidentWikiResult> RunAsync(TaskActivityContext context, IncidentIssueRequest input) =>
        gitlab.WriteWikiAsync(input.Incident, input.Issue, input.Evidence, CancellationToken.None);
}

/// <summary>Mails the incident's state once: the ledger note on the issue is written after the send and checked before it.</summary>
[DurableTask(ActivityNames.SendIncidentEmail)]
internal sealed class SendIncidentEmailActivity(IncidentGitLab gitlab, IEmailSender email) : TaskActivity<IncidentNotifyRequest, ChannelOutcome>
{
    public override async Task<ChannelOutcome> RunAsync(TaskActivityContext context, IncidentNotifyRequest input)
    {
        var state = IncidentMessages.StateOf(input.Incident.Signal);
        var marker = IncidentMarkers.Sent(input.Incident.Fingerprint, "email", state);
        if (await gitlab.AlreadySentAsync(input.Issue, marker, CancellationToken.None))
        {
            return new ChannelOutcome("email", false, true, $"the {state} email was sent by an earlier run");
        }

        var message = IncidentMessages.Email(input.Incident, new IncidentLinks(input.Issue.WebUrl, input.Issue.Iid, input.WikiUrl));
        var to = email.DefaultRecipients.Concat(input.Incident.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = await email.SendAsync(new EmailMessage(to, message.Subject, message.Html, message.Text), CancellationToken.None);
        if (result.Sent)
        {
            await gitlab.RecordSentAsync(input.Issue, marker, $"email ({state}) to {to.Count} recipient(s)", CancellationToken.None);
        }

        return new ChannelOutcome("email", result.Sent, false, result.Detail);
    }
}

/// <summary>Posts the incident's state to Slack and Teams once each, with a ledger note per channel.</summary>
[DurableTask(ActivityNames.SendIncidentChat)]
internal sealed class SendIncidentChatActivity(IncidentGitLab gitlab, IChatSender chat) : TaskActivity<IncidentNotifyRequest, IncidentNotifyResult>
{
    public override async Task<IncidentNotifyResult> RunAsync(TaskActivityContext context, IncidentNotifyRequest input)
    {
        var state = IncidentMessages.StateOf(input.Incident.Signal);
        var links = new IncidentLinks(input.Issue.WebUrl, input.Issue.Iid, input.WikiUrl);
        var outcomes = new List<ChannelOutcome>();
        foreach (var channel in new[] { ChatChannel.Slack, ChatChannel.Teams })
        {
            var name = channel.ToString().ToLowerInvariant();
            var marker = IncidentMarkers.Sent(input.Incident.Fingerprint, name, state);
            if (await gitlab.AlreadySentAsync(input.Issue, marker, CancellationToken.None))
            {
                outcomes.Add(new ChannelOutcome(name, false, true, $"the {state} {name} message was sent by an earlier run"));
                continue;
            }

            var json = channel == ChatChannel.Slack ? IncidentMessages.Slack(input.Incident, links) : IncidentMessages.Teams(input.Incident, links);
            var result = await chat.SendAsync(channel, json, CancellationToken.None);
            if (result.Sent)
            {
                await gitlab.RecordSentAsync(input.Issue, marker, $"{name} ({state})", CancellationToken.None);
            }

            outcomes.Add(new ChannelOutcome(name, result.Sent, false, result.Detail));
        }

        return new IncidentNotifyResult(outcomes);
    }
}
