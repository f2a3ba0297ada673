using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Cases;

/// <summary>The GitLab issue a case is about.</summary>
public sealed record CaseRef(long ProjectId, string ProjectPath, long IssueIid)
{
    /// <summary>One case per issue: the orchestration instance id, stable across redeliveries and triggers.</summary>
    public string InstanceId => $"escalation-{ProjectId}-{IssueIid}";
}

/// <summary>What started the case: a labelled issue or a <c>/ragnarok triage</c> note, with who and which hook.</summary>
public sealed record EscalationRequest(CaseRef Case, string Trigger, string? TriggeredBy, string? EventUuid);

/// <summary>How policy gates one action: <c>allow</c>, <c>require_approval</c> or <c>deny</c>, from what confidence, and which rule said so.</summary>
public sealed record ActionGate(string Mode, double MinConfidence, string Rule)
{
    public const string Allow = "allow";
    public const string RequireApproval = "require_approval";
    public const string Deny = "deny";

    public bool Permits(double confidence) => Mode != Deny && confidence >= MinConfidence;
}

/// <summary>The part of the repository's policy the orchestration decides with.</summary>
public sealed record CasePolicy(
    ActionGate DraftMergeRequest,
    ActionGate Replay,
    string? ReplayEnvironment,
    TimeSpan ApprovalTimeout,
    IReadOnlyList<string> Warnings);

/// <summary>The escalation as the diagnosis sees it: which service, which window, what the customer saw.</summary>
public sealed record CaseFile(
    CaseRef Case,
    string Title,
    string? Service,
    string? Environment,
    TimeWindow Window,
    string Fingerprint,
    IReadOnlyList<string> Signatures);
