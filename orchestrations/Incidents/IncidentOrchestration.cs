using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Incidents;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Orchestrations.Evidence;

namespace RagnarokOps.Orchestrations.Incidents;

/// <summary>What one signal led to: the issue, the RCA page, what was sent and what failed and why.</summary>
public sealed record IncidentOutcome(
    string Fingerprint,
    string Severity,
    string Category,
    long? IssueIid,
    string? IssueUrl,
    string IssueAction,
    string? WikiUrl,
    IReadOnlyList<ChannelOutcome> Sent,
    IReadOnlyList<string> Failed);

/// <summary>
/// Grade a signal → file or update its incident issue → gather evidence (the escalations' fan-out) → write the RCA page
/// with the ranked suspect changes → email and chat. A failed wiki or
/// notification is retried, then recorded in the outcome; the issue stays as filed, so nothing is lost.
/// Other orchestrators run it inline: <c>await new IncidentOrchestration().RunAsync(context, signal)</c>.
/// </summary>
/// <remarks>
/// Changing the order or names of calls breaks instances in flight; add steps at the end. (The evidence fan-out went in
/// before the wiki: the flow runs inline in a probe round or pipeline triage that lasts seconds, so only a round in
/// flight during the deploy that brought the change is affected.)
/// </remarks>
public sealed class IncidentOrchestration : TaskOrchestrator<IncidentSignal, IncidentOutcome>
{
    public const string Name = nameof(IncidentOrchestration);

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    /// <summary>Tests and hosts may shorten the retries (the engine test checks a failure arrives in the outcome).</summary>
    public TaskOptions Options { get; init; } = Retry;

    public override async Task<IncidentOutcome> RunAsync(TaskOrchestrationContext context, IncidentSignal input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var incident = await context.CallActivityAsync<IncidentCase>(ActivityNames.GradeIncident, input, Options);
        var filed = await context.CallActivityAsync<FileIncidentResult>(ActivityNames.FileIncidentIssue, incident, Options);
        var failed = new List<string>();
        var sent = new List<ChannelOutcome>();
        if (filed.Issue is not { } issue)
        {
            return Outcome(incident, filed, null, sent, [filed.Reason ?? "no issue"]);
        }

        // The same fan-out as an escalation, over the hours before the failure began: the RCA page ranks its suspect changes.
        var evidence = await EvidenceFanOut.GatherAsync(context, IncidentCaseFiles.For(incident, issue), Options);
        string? wiki = null;
        try
        {
            wiki = (await context.CallActivityAsync<IncidentWikiResult>(ActivityNames.WriteIncidentWiki, new IncidentIssueRequest(incident, issue, evidence), Options)).Url;
        }
        catch (TaskFailedException e)
        {
            failed.Add($"wiki: {e.FailureDetails.ErrorMessage}");
        }

        // A repeat of an open incident is no state change: the first email and chat already told of it.
        if (filed.Issue.Created || input.Kind == SignalKind.Recovered)
        {
            var request = new IncidentNotifyRequest(incident, issue, wiki);
            try
            {
                sent.Add(await context.CallActivityAsync<ChannelOutcome>(ActivityNames.SendIncidentEmail, request, Options));
            }
            catch (TaskFailedException e)
            {
                failed.Add($"email: {e.FailureDetails.ErrorMessage}");
            }

            try
            {
                sent.AddRange((await context.CallActivityAsync<IncidentNotifyResult>(ActivityNames.SendIncidentChat, request, Options)).Channels);
            }
            catch (TaskFailedException e)
            {
                failed.Add($"chat: {e.FailureDetails.ErrorMessage}");
            }
        }

        return Outcome(incident, filed, wiki, sent, failed);
    }

    private static IncidentOutcome Outcome(IncidentCase incident, FileIncidentResult filed, string? wiki, List<ChannelOutcome> sent, IReadOnlyList<string> failed) =>
        new(incident.Fingerprint, incident.Grade.Severity.ToString(), incident.Grade.Category, filed.Issue?.Iid, filed.Issue?.WebUrl, filed.Action, wiki, sent, failed);
}
