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
/// Grade a signal → file or update its incident issue → write the RCA page → email and chat → gather evidence (the
/// escalations' fan-out) → write the RCA page again with the ranked suspect changes. A failed wiki or
/// notification is retried, then recorded in the outcome; the issue stays as filed, so nothing is lost.
/// Other orchestrators run it inline: <c>await new IncidentOrchestration().RunAsync(context, signal)</c>.
/// </summary>
/// <remarks>
/// Changing the order or names of calls breaks instances in flight; add steps at the end, as the evidence fan-out and
/// the second wiki write were.
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

        // The page first, so the email can link it; its suspect changes follow once the evidence is in.
        var wiki = await WriteWikiAsync(context, new IncidentIssueRequest(incident, issue), "wiki", failed);

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

        // The same fan-out as an escalation, over the hours before the failure began, after the person is paged:
        // the RCA page is written again in place with the ranked suspect changes.
        var evidence = await EvidenceFanOut.GatherAsync(context, IncidentCaseFiles.For(incident, issue), Options);
        wiki = await WriteWikiAsync(context, new IncidentIssueRequest(incident, issue, evidence), "wiki (suspect changes)", failed) ?? wiki;
        return Outcome(incident, filed, wiki, sent, failed);
    }

    private async Task<string?> WriteWikiAsync(TaskOrchestrationContext context, IncidentIssueRequest request, string step, List<string> failed)
    {
        try
        {
            return (await context.CallActivityAsync<IncidentWikiResult>(ActivityNames.WriteIncidentWiki, request, Options)).Url;
        }
        catch (TaskFailedException e)
        {
            failed.Add($"{step}: {e.FailureDetails.ErrorMessage}");
            return null;
        }
    }

    private static IncidentOutcome Outcome(IncidentCase incident, FileIncidentResult filed, string? wiki, List<ChannelOutcome> sent, IReadOnlyList<string> failed) =>
        new(incident.Fingerprint, incident.Grade.Severity.ToString(), incident.Grade.Category, filed.Issue?.Iid, filed.Issue?.WebUrl, filed.Action, wiki, sent, failed);
}
