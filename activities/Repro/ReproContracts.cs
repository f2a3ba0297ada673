using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.DurableTask;

namespace RagnarokOps.Activities.Repro;

/// <summary>How to reproduce the failure, and the regression test that fails while it is present.</summary>
public sealed record ReproResult(string PlanMarkdown, string? Framework, string? TestPath, string? TestContent, MissingEvidence? Missing);

/// <summary>What a safe replay against a non-protected environment saw (or would send, in dry-run).</summary>
public sealed record ReplayResult(bool Ran, bool Reproduced, string Summary, MissingEvidence? Missing);

public sealed record ReproRequest(CaseFile Case, EvidenceBundle Evidence, CaseDiagnosis Diagnosis);

public sealed record ReplayRequest(CaseFile Case, ReproResult Repro, string Environment);

public static class ReproCalls
{
    public static Task<ReproResult> CallBuildReproPlanAsync(this TaskOrchestrationContext context, ReproRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<ReproResult>(ActivityNames.BuildReproPlan, input, options);

    public static Task<ReplayResult> CallReplayInStagingAsync(this TaskOrchestrationContext context, ReplayRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<ReplayResult>(ActivityNames.ReplayInStaging, input, options);
}
