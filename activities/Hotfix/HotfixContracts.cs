using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Hotfix;

public sealed record DraftMergeRequestRequest(CaseFile Case, HypothesisSummary Hypothesis, ReproResult Repro, ApprovalDecision? Approval);

/// <summary>The draft MR, or why there is none (a revert conflict, a policy refusal); <see cref="Created"/> is false on a re-run that found it.</summary>
public sealed record MergeRequestResult(long? Iid, string? SourceBranch, string? Url, bool Created, string? Problem);

public static class HotfixCalls
{
    public static Task<MergeRequestResult> CallCreateDraftMergeRequestAsync(this TaskOrchestrationContext context, DraftMergeRequestRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<MergeRequestResult>(ActivityNames.CreateDraftMergeRequest, input, options);
}
