using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Reporting;

/// <summary>A signed approval link for one action on one instance.</summary>
public sealed record ApprovalLink(string Url, string Action, DateTimeOffset ExpiresAt);

public sealed record ApprovalLinkRequest(string InstanceId, string Action, DateTimeOffset ExpiresAt);

/// <summary>
/// The event a person's decision raises on the orchestration (name <see cref="EventName"/>), from the
/// approval page's POST or a <c>/ragnarok approve|reject</c> note.
/// </summary>
public sealed record ApprovalDecision(bool Approved, string Action, string By, string? Comment, DateTimeOffset DecidedAt)
{
    public const string EventName = "ApprovalDecision";
}

public sealed record TriageReportRequest(
    CaseFile Case,
    EvidenceBundle Evidence,
    CaseDiagnosis Diagnosis,
    ReproResult Repro,
    ReplayResult? Replay,
    ApprovalLink? Approval,
    string PolicyDecision);

/// <summary>The triage note (one per case, updated in place) and where the artifacts went.</summary>
public sealed record PublishedReport(long NoteId, string NoteUrl, IReadOnlyList<string> Artifacts);

public sealed record OutcomeRequest(CaseRef Case, string Outcome, string Message);

public static class ReportingCalls
{
    public static Task<ApprovalLink> CallIssueApprovalLinkAsync(this TaskOrchestrationContext context, ApprovalLinkRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<ApprovalLink>(ActivityNames.IssueApprovalLink, input, options);

    public static Task<PublishedReport> CallPublishTriageReportAsync(this TaskOrchestrationContext context, TriageReportRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<PublishedReport>(ActivityNames.PublishTriageReport, input, options);

    public static Task<string> CallPublishOutcomeAsync(this TaskOrchestrationContext context, OutcomeRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<string>(ActivityNames.PublishOutcome, input, options);
}
