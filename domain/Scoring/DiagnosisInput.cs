using RagnarokOps.Domain.Escalations;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Onset;

namespace RagnarokOps.Domain.Scoring;

/// <summary>Everything the scorer reads. Pure data: the orchestration and the local CLI build it the same way.</summary>
/// <param name="Service">The affected service (from the escalation and policy); null when unknown.</param>
/// <param name="Services">All known services, so a change in another service's paths counts against it.</param>
/// <param name="UseEscalationTime">
/// Measure time to onset from the escalation's creation time when there is no onset and no time hint. The
/// local CLI turns this off: there the escalation file's time says nothing about the incident.
/// </param>
public sealed record DiagnosisInput(
    Escalation Escalation,
    EvidenceBundle Evidence,
    OnsetResult Onset,
    KnownService? Service,
    IReadOnlyList<KnownService> Services,
    IReadOnlyList<ConfigDriftEvidence> ConfigDrift,
    bool UseEscalationTime = true)
{
    /// <summary>The usual input: the affected service is the escalation's best candidate among <paramref name="services"/>.</summary>
    public static DiagnosisInput Create(
        Escalation escalation, EvidenceBundle evidence, OnsetResult onset, IReadOnlyList<KnownService> services, IReadOnlyList<ConfigDriftEvidence>? drift = null) =>
        new(escalation, evidence, onset, services.FirstOrDefault(s => s.Name == escalation.Service), services, drift ?? []);
}
