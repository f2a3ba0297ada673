using RagnarokOps.Activities.Cases;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Activities.Incidents;

/// <summary>The issue filed, found or closed for a signal; null with <paramref name="Reason"/> when there is none (a recovery of nothing).</summary>
public sealed record FileIncidentResult(IncidentIssue? Issue, string? Reason, string Action);

/// <param name="Evidence">What the evidence fan-out found over <see cref="IncidentSuspects.Window"/>; the RCA page ranks its suspect changes. Null: not gathered, and the page says so.</param>
public sealed record IncidentIssueRequest(IncidentCase Incident, IncidentIssue Issue, EvidenceBundle? Evidence = null);

/// <summary>The incident as the gather activities read a case: its project and issue, service, environment and the window before the failure.</summary>
public static class IncidentCaseFiles
{
    public static CaseFile For(IncidentCase incident, IncidentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(issue);
        var s = incident.Signal;
        return new CaseFile(new CaseRef(issue.ProjectId, s.Project, issue.Iid), s.Summary, s.Service, incident.Environment,
            IncidentSuspects.Window(s), incident.Fingerprint, []);
    }
}

/// <summary>Where the RCA page is and whether this run wrote it (created, updated or unchanged).</summary>
public sealed record IncidentWikiResult(string Url, string Slug, string Action);

public sealed record IncidentNotifyRequest(IncidentCase Incident, IncidentIssue Issue, string? WikiUrl);

/// <summary>One channel's outcome: sent now, sent by an earlier run (the ledger note says so), or skipped and why.</summary>
public sealed record ChannelOutcome(string Channel, bool Sent, bool AlreadySent, string Detail);

public sealed record IncidentNotifyResult(IReadOnlyList<ChannelOutcome> Channels);
