using RagnarokOps.Activities.Cases;
using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;
using RagnarokOps.Domain.Scoring;

namespace RagnarokOps.Activities.Diagnosis;

/// <summary>Everything the scorer decided, with what it decided from; the report renders it in full.</summary>
internal sealed record CaseAnalysis(RepositoryContext Repository, Escalation Escalation, OnsetResult Onset, DiagnosisResult Result);

/// <summary>
/// Runs the domain's scorer for a case. Pure over the same issue, policy and evidence, so ScoreHypotheses and
/// PublishTriageReport reach the same answer without the history carrying every contribution.
/// </summary>
internal sealed class CaseDiagnoser(RepositoryReader repositories, EscalationReader escalations)
{
    public async Task<CaseAnalysis> AnalyseAsync(CaseFile caseFile, EvidenceBundle evidence, CancellationToken cancellationToken)
    {
        var repository = await repositories.LoadAsync(caseFile.Case.ProjectId, cancellationToken);
        var (_, escalation) = await escalations.ReadAsync(caseFile.Case, repository.Policy, cancellationToken);
        var onset = OnsetDetector.Detect(evidence.Logs?.ErrorsPerMinute ?? [], evidence.Window);
        var services = EscalationReader.KnownServices(repository.Policy);
        var input = DiagnosisInput.Create(escalation, evidence, onset, services, evidence.ConfigDrift);
        if (input.Service is null && caseFile.Service is not null)
        {
            input = input with { Service = services.FirstOrDefault(s => s.Name == caseFile.Service) };
        }

        return new CaseAnalysis(repository, escalation, onset, HypothesisScorer.Rank(input));
    }
}
