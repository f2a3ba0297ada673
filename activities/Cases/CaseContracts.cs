using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Cases;

/// <summary>The GitLab issue a case is about.</summary>
public sealed record CaseRef(long ProjectId, string ProjectPath, long IssueIid)
{
    /// <summary>One case per issue: the orchestration instance id, stable across redeliveries and triggers.</summary>
    public string InstanceId => $"escalation-{ProjectId}-{IssueIid}";
}

/// <summary>What started the case: a labelled issue or a <c>/ragnarok triage</c> note, with who and which hook.</summary>
/// <param name="Force">Set by <c>/ragnarok triage --force</c>: run a full case even when another case has the same fingerprint.</param>
public sealed record EscalationRequest(CaseRef Case, string Trigger, string? TriggeredBy, string? EventUuid, bool Force = false);

/// <summary>How policy gates one action: <c>allow</c>, <c>require_approval</c> or <c>deny</c>, from what confidence, and which rule said so.</summary>
public sealed record ActionGate(string Mode, double MinConfidence, string Rule)
{
    public const string Allow = "allow";
    public const string RequireApproval = "require_approval";
    public const string Deny = "deny";

    public bool Permits(double confidence) => Mode != Deny && confidence >= MinConfidence;
}

/// <summary>Who may decide a pending approval (the policy's <c>approval</c> section), and the rule that says so.</summary>
/// <param name="Users">Usernames without <c>@</c>, allowed whatever their access level.</param>
/// <param name="Groups">Group paths whose members are allowed whatever their access level.</param>
public sealed record CaseApprovers(int MinAccessLevel, IReadOnlyList<string> Users, IReadOnlyList<string> Groups, string Rule)
{
    public static CaseApprovers Default { get; } = new(40, [], [], "the default for approval (maintainer, 40)");

    /// <summary>"@carol, members of acme/sre, or anyone with access level 40 (maintainer) or more".</summary>
    public string Describe()
    {
        var parts = Users.Select(u => "@" + u).Concat(Groups.Select(g => $"members of {g}")).ToList();
        parts.Add($"anyone with access level {MinAccessLevel}{LevelName(MinAccessLevel)} or more in the project");
        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} or {parts[^1]}";
    }

    private static string LevelName(int level) => level switch
    {
        30 => " (developer)",
        40 => " (maintainer)",
        50 => " (owner)",
        _ => "",
    };
}

/// <summary>The part of the repository's policy the orchestration decides with.</summary>
/// <param name="DraftMergeRequest">The <c>draft_mr</c> gate: opening a draft merge request.</param>
/// <param name="Revert">The <c>revert</c> gate: the change that merge request carries.</param>
/// <param name="Warnings">Every problem in the policy files as <c>file(line,column): field: message</c>; the case then runs on the safe defaults.</param>
public sealed record CasePolicy(
    ActionGate DraftMergeRequest,
    ActionGate Revert,
    ActionGate Replay,
    string? ReplayEnvironment,
    TimeSpan ApprovalTimeout,
    CaseApprovers Approvers,
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
