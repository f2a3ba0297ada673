using System.Globalization;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Pipelines;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Activities.Pipelines;

/// <summary>A diagnosis as the incident flow's input.</summary>
public static class PipelineSignals
{
    public static IncidentSignal From(PipelineDiagnosis diagnosis, DateTimeOffset observedAt)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var first = diagnosis.Jobs.FirstOrDefault(j => j.Chunk is not null) ?? diagnosis.Jobs.FirstOrDefault();
        var summary = first is null
            ? string.Create(CultureInfo.InvariantCulture, $"pipeline #{diagnosis.PipelineId} failed on {diagnosis.Ref}; no failed job could be read")
            : string.Create(CultureInfo.InvariantCulture,
                $"pipeline #{diagnosis.PipelineId} failed on {diagnosis.Ref}: job {first.Name} — {first.Title ?? first.NoChunkReason} ({PipelineDoctor.Percent(first.Confidence)})");
        var evidence = diagnosis.Jobs.Where(j => j.Chunk is not null)
            .SelectMany(j => SecretRedactor.Redact(j.Chunk).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
            .ToList();
        return new IncidentSignal(diagnosis.Project, diagnosis.Ref, IncidentSource.Pipeline, $"pipeline:{diagnosis.Ref}", SignalKind.Failing, observedAt, summary, evidence, 1);
    }
}
