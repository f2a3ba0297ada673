using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Activities.Rollback;

/// <summary>Roll <paramref name="Environment"/> of <paramref name="Project"/> back to its last known-good deployment.</summary>
/// <param name="DryRun">Plan and assess only; write nothing.</param>
/// <param name="ApprovedBy">Who approved up front (the CLI's <c>--approve</c>); null waits for an ApprovalDecision when one is needed.</param>
public sealed record RollbackRequest(string Project, string Environment, bool DryRun = false, string? ApprovedBy = null)
{
    /// <summary>The instance id of a rollback: one per project, environment and <paramref name="suffix"/> (a note id, a run stamp).</summary>
    public static string InstanceId(long projectId, string environment, string suffix) => $"rollback-{projectId}-{environment}-{suffix}";
}

/// <summary>The revert branch's merge request into the environment branch, opened once (found again by its source branch).</summary>
public sealed record RollbackMergeRequest(long Iid, string? WebUrl, bool Created, string SourceBranch, int Reverted);

/// <summary>The revert branch could not be built (a conflicting revert) or GitLab refused; nothing was opened.</summary>
public sealed record RollbackOpenResult(RollbackMergeRequest? MergeRequest, string? Problem);

/// <summary>What a rollback did.</summary>
/// <param name="State">dry-run, refused, needs-approval, rejected, no-decision, opened, failed.</param>
public sealed record RollbackOutcome(string Project, string Environment, string State, string Summary, RollbackPlan? Plan, RollbackMergeRequest? MergeRequest, IReadOnlyList<string> Errors)
{
    public const string DryRun = "dry-run";
    public const string Refused = "refused";
    public const string NeedsApproval = "needs-approval";
    public const string Rejected = "rejected";
    public const string NoDecision = "no-decision";
    public const string Opened = "opened";
    public const string Failed = "failed";
}
