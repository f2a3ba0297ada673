using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Repro;

/// <summary>The failing request as it may be replayed and published: path and body already redacted, credentials never carried.</summary>
public sealed record ReplayTarget(string Method, string Path, string? Body, string? ContentType, int ExpectedStatus, int? ActualStatus, string? ActualError);

/// <summary>How to reproduce the failure, and the regression test that fails while it is present.</summary>
/// <param name="Request">The request the plan and the test send; null when none was found (then <see cref="Missing"/> says why).</param>
/// <param name="ScriptPath">The curl repro's repository path (<c>repro/&lt;case&gt;.sh</c>); committed with the test on the hotfix branch.</param>
/// <param name="ScriptArtifact">The name the script is saved under among the case's artifacts.</param>
public sealed record ReproResult(
    string PlanMarkdown,
    string? Framework,
    string? TestPath,
    string? TestContent,
    MissingEvidence? Missing,
    ReplayTarget? Request = null,
    string? ScriptPath = null,
    string? ScriptContent = null,
    string? ScriptArtifact = null);

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
