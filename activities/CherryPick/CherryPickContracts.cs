using RagnarokOps.Domain.CherryPick;

namespace RagnarokOps.Activities.CherryPick;

/// <param name="To">The target environment's name (envsync.yaml).</param>
/// <param name="Commits">The commits to move, oldest first.</param>
/// <param name="Approve">Tier 2 proposals count as approved (the CLI's --approve).</param>
/// <param name="MergeRequest">Pick this merge request's commits (GitLab's list, taken oldest first) instead of <paramref name="Commits"/>, which is then empty.</param>
public sealed record CherryPickRequest(string Project, string To, IReadOnlyList<string> Commits, bool DryRun = false, bool Approve = false, TimeSpan? ApprovalTimeout = null, long? MergeRequest = null);

/// <summary>What the planner decided: the target, the branch the pick goes to, every touched file with its tier.</summary>
public sealed record CherryPickPlan(
    string Project,
    string To,
    string TargetBranch,
    bool TargetProtected,
    string Branch,
    IReadOnlyList<string> Commits,
    IReadOnlyList<string> Titles,
    IReadOnlyList<FileResolution> Files,
    double Threshold,
    IReadOnlyList<TouchingCommit> Touching,
    IReadOnlyList<string> Errors)
{
    public CherryPickTier Tier => Files.Count == 0 ? CherryPickTier.Clean : Files.Max(f => f.Tier);

    public bool Ok => Errors.Count == 0;
}

/// <summary>A commit on the target that touched a file left to a person.</summary>
public sealed record TouchingCommit(string Path, string Sha, string Title, string? Author);

public sealed record OpenCherryPickRequest(CherryPickPlan Plan, string? ApprovedBy);

/// <summary>The cherry-pick merge request, opened or found again (by its branch and marker).</summary>
public sealed record CherryPickMergeRequest(long Iid, string? WebUrl, bool Created, string Branch);

public sealed record CherryPickReportRequest(CherryPickPlan Plan, string Status);

/// <summary>The issue that lists what a person must resolve or approve; one per cherry-pick, updated in place.</summary>
public sealed record CherryPickReport(long Iid, string? WebUrl, bool Created);

/// <summary>The answer of one cherry-pick, for the CLI (--json) and /envsync cherry-pick.</summary>
/// <param name="Status">opened, exists, awaiting-approval, rejected, needs-person, dry-run, nothing-to-do or invalid.</param>
public sealed record CherryPickOutcome(string Project, string To, string Status, CherryPickTier Tier, string? Branch, CherryPickMergeRequest? MergeRequest, CherryPickReport? Report, IReadOnlyList<FileResolution> Files, IReadOnlyList<string> Errors);
