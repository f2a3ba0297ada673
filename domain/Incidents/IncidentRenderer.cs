using System.Globalization;
using System.Text;
using RagnarokOps.Domain.Redaction;
using RagnarokOps.Domain.Reporting;

namespace RagnarokOps.Domain.Incidents;

/// <summary>The Markdown the incident flow writes on GitLab: issue, repeat and recovery notes, RCA wiki page. Pure; redacts.</summary>
public static class IncidentRenderer
{
    public const string IncidentLabel = "incident";

    public static string Title(IncidentCase incident) =>
        SecretRedactor.Redact($"[{incident.Grade.Severity}] {incident.Signal.Service}: {incident.Signal.Summary}");

    public static IReadOnlyList<string> Labels(IncidentCase incident) =>
        [IncidentLabel, $"severity::{incident.Grade.Severity}", $"category::{incident.Grade.Category}", incident.Signal.Service];

    public static string WikiTitle(IncidentCase incident) => $"incidents/{incident.Signal.Service}-{incident.Fingerprint}";

    public static string IssueBody(IncidentCase incident, IReadOnlyList<long> previous, IncidentAssignment? assignment = null)
    {
        var s = incident.Signal;
        var g = incident.Grade;
        var b = new StringBuilder();
        b.AppendLine(IncidentMarkers.Issue(incident.Fingerprint));
        b.AppendLine(IncidentMarkers.Count(1));
        b.AppendLine(CultureInfo.InvariantCulture, $"## Incident: {s.Service} / {s.Target}");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"**{s.Summary}**");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"- Severity: **{g.Severity}**");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Category: `{g.Category}`{(g.RuleId is null ? $" ({g.CategoryReason})" : $" — rule `{g.RuleId}` ({g.RuleTitle})")}");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Source: {s.Source}, {s.ConsecutiveFailures} failure(s) in a row");
        b.AppendLine(CultureInfo.InvariantCulture, $"- First seen: {Time(s.ObservedAt)}");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Owner: {Owners(incident)}");
        if (assignment is not null)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- Assignee: {Assignee(assignment)}");
        }
        b.AppendLine(CultureInfo.InvariantCulture, $"- Happened before: {(previous.Count == 0 ? "no closed incident of this service and category" : string.Join(", ", previous.Select(i => $"#{i}")))}");
        if (g.Hint is { Length: > 0 } hint)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- Look first at: {hint}");
        }

        b.AppendLine();
        b.AppendLine("### Severity reasons");
        foreach (var reason in g.Reasons)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {reason}");
        }

        b.AppendLine();
        Evidence(b, s.Evidence);
        return SecretRedactor.Redact(b.ToString());
    }

    public static string RepeatNote(IncidentCase incident, int count)
    {
        var s = incident.Signal;
        var b = new StringBuilder();
        b.AppendLine(IncidentMarkers.Repeat(incident.Fingerprint, s.ObservedAt));
        b.AppendLine(IncidentMarkers.Count(count));
        b.AppendLine(CultureInfo.InvariantCulture, $"Failing again at {Time(s.ObservedAt)} — occurrence **{count}** ({s.ConsecutiveFailures} failure(s) in a row): {s.Summary}");
        b.AppendLine();
        Evidence(b, s.Evidence);
        return SecretRedactor.Redact(b.ToString());
    }

    public static string RecoveryNote(IncidentCase incident, bool closing)
    {
        var s = incident.Signal;
        var action = closing ? "Closing the incident." : "Keeping the incident open (policy `incidents.keep_open: true`) for the RCA.";
        return SecretRedactor.Redact(
            $"{IncidentMarkers.Recovery(incident.Fingerprint, s.ObservedAt)}\nRecovered at {Time(s.ObservedAt)}: {s.Summary}\n\n{action}\n");
    }

    /// <summary>The RCA page: timeline, evidence, classification, severity reasons, suspect changes and what is missing.</summary>
    public static string WikiPage(IncidentCase incident, IncidentIssue issue, SuspectChanges? suspects = null)
    {
        suspects ??= SuspectChanges.NotGathered(incident.Signal, "no evidence was gathered for this page");
        var s = incident.Signal;
        var g = incident.Grade;
        var b = new StringBuilder();
        b.AppendLine(IncidentMarkers.Issue(incident.Fingerprint));
        b.AppendLine(CultureInfo.InvariantCulture, $"# RCA: {s.Service} / {s.Target}");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Incident issue: [#{issue.Iid}]({issue.WebUrl}) — {(issue.Closed ? "closed" : "open")}, {issue.Occurrences} occurrence(s).");
        b.AppendLine();
        b.AppendLine("## Timeline");
        if (s.FailingSince < s.ObservedAt)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {Time(s.FailingSince)} — first failing round of {s.Target}");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"- {Time(s.ObservedAt)} — {(s.Kind == SignalKind.Failing ? "failing" : "recovered")} ({s.Source}): {s.Summary}");
        b.AppendLine("- Earlier occurrences are the notes on the issue.");
        b.AppendLine();
        b.AppendLine("## Classification");
        b.AppendLine(g.RuleId is null
            ? $"`{g.Category}`: {g.CategoryReason}."
            : $"`{g.Category}` — rule `{g.RuleId}` ({g.RuleTitle}). {g.Hint}");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"## Severity {g.Severity}");
        foreach (var reason in g.Reasons)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {reason}");
        }

        b.AppendLine();
        Evidence(b, s.Evidence);
        b.AppendLine();
        Suspects(b, incident, suspects);
        b.AppendLine("## What is missing and why");
        if (suspects.NotRanked is { } notRanked)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- Suspect changes: {notRanked}.");
        }

        foreach (var gap in suspects.Missing)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {gap.Source}: {gap.Reason}");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"- Owner: {(incident.Owners.Count > 0 ? "found" : incident.OwnerReason ?? "none found")}.");
        if (s.Evidence.Count == 0)
        {
            b.AppendLine("- Evidence: the signal came without evidence lines.");
        }

        b.AppendLine("- Root cause, impact and follow-ups: for a person to write below.");
        return SecretRedactor.Redact(b.ToString());
    }

    private static void Suspects(StringBuilder b, IncidentCase incident, SuspectChanges suspects)
    {
        b.AppendLine("## Suspect changes");
        var w = suspects.Window;
        if (suspects.Diagnosis is not { } diagnosis)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"Not ranked: {suspects.NotRanked ?? "no evidence was gathered"}.");
            b.AppendLine();
            return;
        }

        b.AppendLine(CultureInfo.InvariantCulture,
            $"Changes live in {incident.Environment} between {Time(w.From)} and {Time(w.To)}, ranked by the escalations' scorer against the onset: {suspects.Onset}.");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"**Verdict:** {diagnosis.Verdict}");
        b.AppendLine();
        HypothesisMarkdown.Write(b, diagnosis, IncidentSuspects.Shown);
    }

    internal static string Assignee(IncidentAssignment assignment) =>
        assignment.Usernames.Count == 0
            ? $"nobody — {assignment.Reason ?? "no owner could be assigned"}"
            : string.Join(", ", assignment.Usernames.Select(u => "@" + u)) + (assignment.Reason is { } why ? $" (not assigned: {why})" : "");

    internal static string Owners(IncidentCase incident) =>
        incident.Owners.Count > 0 ? string.Join(", ", incident.Owners) : $"none ({incident.OwnerReason ?? "no owner found"})";

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static void Evidence(StringBuilder b, IReadOnlyList<string> evidence)
    {
        b.AppendLine("### Evidence");
        if (evidence.Count == 0)
        {
            b.AppendLine("_No evidence lines came with the signal._");
            return;
        }

        b.AppendLine("```text");
        foreach (var line in evidence.Take(60))
        {
            b.AppendLine(SecretRedactor.Redact(line).Replace("```", "'''", StringComparison.Ordinal));
        }

        b.AppendLine("```");
    }
}
