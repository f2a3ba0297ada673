using RagnarokOps.Domain.Scoring;
using Microsoft.DurableTask;
using DomainAction = RagnarokOps.Domain.Scoring.ActionKind;

namespace RagnarokOps.Activities.Diagnosis;

/// <summary>Ranks root-cause hypotheses from the fanned-in evidence: onset, candidates, explainable confidence, proposed action.</summary>
[DurableTask(ActivityNames.ScoreHypotheses)]
internal sealed class ScoreHypothesesActivity(CaseDiagnoser diagnoser) : TaskActivity<ScoreRequest, CaseDiagnosis>
{
    public override async Task<CaseDiagnosis> RunAsync(TaskActivityContext context, ScoreRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var analysis = await diagnoser.AnalyseAsync(input.Case, input.Evidence, CancellationToken.None);
        return ToDiagnosis(analysis);
    }

    internal static CaseDiagnosis ToDiagnosis(CaseAnalysis analysis) =>
        new(
            analysis.Result.Hypotheses.Select(Summarise).ToList(),
            analysis.Onset.At,
            $"{analysis.Onset.Explanation} {analysis.Result.Verdict}".Trim());

    internal static HypothesisSummary Summarise(Hypothesis h) =>
        new(Kind(h.Kind), h.Reference, h.Title, h.Confidence, new ProposedAction(Action(h.Action.Kind), h.Action.Target, h.Action.Summary));

    private static string Kind(HypothesisKind kind) => kind switch
    {
        HypothesisKind.Commit => "commit",
        HypothesisKind.Config => "config",
        HypothesisKind.Dependency => "dependency",
        HypothesisKind.Flag => "flag",
        _ => "deployment",
    };

    /// <summary>The orchestrator's words: only <c>revert</c> becomes a draft merge request.</summary>
    private static string Action(DomainAction kind) => kind switch
    {
        DomainAction.RevertCommit => "revert",
        DomainAction.RollbackDeployment => "rollback",
        DomainAction.DisableFlag => "disable-flag",
        DomainAction.EnableFlag => "enable-flag",
        _ => "restore-config",
    };
}
