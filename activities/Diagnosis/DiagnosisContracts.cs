using RagnarokOps.Activities.Cases;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Diagnosis;

/// <summary>What the top hypothesis proposes: <c>revert</c> a commit, <c>disable-flag</c>, <c>rollback</c> a deployment.</summary>
public sealed record ProposedAction(string Kind, string Target, string Description);

/// <summary>One ranked root-cause hypothesis, as the orchestration and the report need it.</summary>
public sealed record HypothesisSummary(string Kind, string Subject, string Title, double Confidence, ProposedAction? Action);

/// <summary>The scorer's answer for a case.</summary>
public sealed record CaseDiagnosis(
    IReadOnlyList<HypothesisSummary> Ranked,
    DateTimeOffset? Onset,
    string OnsetExplanation)
{
    public HypothesisSummary? Top => Ranked.Count > 0 ? Ranked[0] : null;
}

public sealed record ScoreRequest(CaseFile Case, EvidenceBundle Evidence);

public static class DiagnosisCalls
{
    public static Task<CaseDiagnosis> CallScoreHypothesesAsync(this TaskOrchestrationContext context, ScoreRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<CaseDiagnosis>(ActivityNames.ScoreHypotheses, input, options);
}
