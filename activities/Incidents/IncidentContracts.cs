using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Activities.Incidents;

/// <summary>The issue filed, found or closed for a signal; null with <paramref name="Reason"/> when there is none (a recovery of nothing).</summary>
public sealed record FileIncidentResult(IncidentIssue? Issue, string? Reason, string Action);

public sealed record IncidentIssueRequest(IncidentCase Incident, IncidentIssue Issue);

/// <summary>Where the RCA page is and whether this run wrote it (created, updated or unchanged).</summary>
public sealed record IncidentWikiResult(string Url, string Slug, string Action);

public sealed record IncidentNotifyRequest(IncidentCase Incident, IncidentIssue Issue, string? WikiUrl);

/// <summary>One channel's outcome: sent now, sent by an earlier run (the ledger note says so), or skipped and why.</summary>
public sealed record ChannelOutcome(string Channel, bool Sent, bool AlreadySent, string Detail);

public sealed record IncidentNotifyResult(IReadOnlyList<ChannelOutcome> Channels);
