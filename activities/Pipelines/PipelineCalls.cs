using Microsoft.DurableTask;
using RagnarokOps.Domain.Pipelines;

namespace RagnarokOps.Activities.Pipelines;

/// <summary>Typed calls for the pipeline triage activities.</summary>
public static class PipelineCalls
{
    public static Task<PipelineDiagnosis> CallTriagePipelineAsync(this TaskOrchestrationContext context, PipelineTriageRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<PipelineDiagnosis>(ActivityNames.TriagePipeline, input, options);

    public static Task<PipelineNoteResult> CallPostPipelineNoteAsync(this TaskOrchestrationContext context, PipelineDiagnosis input, TaskOptions? options = null) =>
        context.CallActivityAsync<PipelineNoteResult>(ActivityNames.PostPipelineNote, input, options);

    public static Task<PipelineDoctorOutcome> CallDiagnoseEnvironmentsAsync(this TaskOrchestrationContext context, DoctorRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<PipelineDoctorOutcome>(ActivityNames.DiagnoseEnvironments, input, options);
}
