using RagnarokOps.Activities.Cases;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Duplicates;

/// <param name="OpenedAt">The orchestration's time when the case opened (deterministic across replays).</param>
/// <param name="Force">From <c>/ragnarok triage --force</c>: run the full case even when it duplicates another.</param>
public sealed record DuplicateCheckRequest(CaseFile Case, DateTimeOffset OpenedAt, bool Force);

/// <summary>The check's answer: the original case when this one duplicates it, and the sentence that says why (or that it does not).</summary>
/// <param name="Stop">True when the case should end here: a duplicate, linked on both issues, and not forced.</param>
public sealed record DuplicateCheckResult(bool Stop, string? OriginalInstanceId, string? OriginalIssue, string Reason);

public sealed record CloseCaseRequest(CaseRef Case, DateTimeOffset ClosedAt);

public static class DuplicateCalls
{
    public static Task<DuplicateCheckResult> CallCheckDuplicateAsync(this TaskOrchestrationContext context, DuplicateCheckRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<DuplicateCheckResult>(ActivityNames.CheckDuplicate, input, options);

    public static Task CallCloseCaseAsync(this TaskOrchestrationContext context, CloseCaseRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync(ActivityNames.CloseCase, input, options);
}
