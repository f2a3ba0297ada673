using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Orchestrations.Escalation;

/// <summary>The custom status an escalation shows while it runs: the step, and what a person may need (the approval link).</summary>
/// <param name="Approvers">While awaiting approval: who the policy lets decide, so the host checks a note's author against it.</param>
public sealed record EscalationStatus(string Step, string Detail, string? NoteUrl = null, string? ApprovalUrl = null, CaseApprovers? Approvers = null);

/// <summary>How a case ended, for the management API, the dashboard and the demo's summary.</summary>
public sealed record EscalationOutcome(
    string Result,
    HypothesisSummary? TopHypothesis,
    string? NoteUrl,
    string? ApprovalUrl,
    MergeRequestResult? MergeRequest,
    IReadOnlyList<MissingEvidence> Missing)
{
    public const string Reported = "reported";
    public const string HotfixProposed = "hotfix-proposed";
    public const string Rejected = "rejected";
    public const string TimedOut = "timed-out";
    public const string HotfixFailed = "hotfix-failed";
    public const string Duplicate = "duplicate";

    /// <summary>When <see cref="Result"/> is <see cref="Duplicate"/>: the case this escalation duplicates.</summary>
    public string? DuplicateOf { get; init; }
}

/// <summary>The steps, in order, as they appear in custom status.</summary>
public static class EscalationSteps
{
    public const string LoadingPolicy = "loading-policy";
    public const string Normalizing = "normalizing";
    public const string CheckingDuplicates = "checking-duplicates";
    public const string GatheringEvidence = "gathering-evidence";
    public const string Scoring = "scoring";
    public const string BuildingRepro = "building-repro";
    public const string Replaying = "replaying";
    public const string PublishingReport = "publishing-report";
    public const string AwaitingApproval = "awaiting-approval";
    public const string CreatingMergeRequest = "creating-merge-request";
    public const string PublishingOutcome = "publishing-outcome";
    public const string Done = "done";
}
