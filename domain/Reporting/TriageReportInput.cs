using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;
using RagnarokOps.Domain.Scoring;
using RagnarokOps.Domain.Timeline;

namespace RagnarokOps.Domain.Reporting;

/// <summary>Severity as the classification decided it (P1–P4), with its reasons.</summary>
public sealed record SeverityInfo(string Level, IReadOnlyList<string> Reasons);

/// <summary>Who owns the affected code, and the rule that said so (or why no rule did).</summary>
public sealed record OwnerInfo(IReadOnlyList<string> Owners, string Rule);

/// <summary>How to reproduce: the steps, and what a replay in staging showed if one ran.</summary>
public sealed record ReproPlan(IReadOnlyList<string> Steps, string? Outcome);

/// <summary>
/// What policy said about the proposed action: <c>allow</c>, <c>require_approval</c> or <c>deny</c>, the rule
/// that decided (<c>actions.revert: require_approval, min_confidence 0.8</c>) and why.
/// </summary>
public sealed record PolicyDecision(string Action, string Decision, string Rule, string Reason);

/// <summary>Everything the triage note shows; strings and reasons, so any classifier or policy engine can fill it.</summary>
/// <param name="PolicyProblems">Every problem in the repository's policy files (<c>file(line,column): field: message</c>); the case then ran on the safe defaults.</param>
public sealed record TriageReportInput(
    string CaseId,
    Escalation Escalation,
    OnsetResult Onset,
    IReadOnlyList<TimelineEntry> Timeline,
    DiagnosisResult Diagnosis,
    IReadOnlyList<MissingEvidence> Missing,
    SeverityInfo? Severity,
    OwnerInfo? Owner,
    ReproPlan? Repro,
    PolicyDecision? Policy,
    int MaxHypotheses = 3,
    IReadOnlyList<string>? PolicyProblems = null);
