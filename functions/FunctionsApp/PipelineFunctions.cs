using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Domain.Pipelines;
using RagnarokOps.Orchestrations.Pipelines;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>Pipeline triage's orchestration and activity triggers on Azure Functions: the same classes the local host runs.</summary>
public sealed class PipelineFunctions
{
    [Function(PipelineTriageOrchestration.Name)]
    public Task<PipelineTriageOutcome> PipelineTriageAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PipelineTriageOrchestration().RunAsync(context, context.GetInput<PipelineTriageRequest>()!);

    [Function(ActivityNames.TriagePipeline)]
    public Task<object?> TriagePipelineAsync([ActivityTrigger] PipelineTriageRequest input, FunctionContext context) => RunAsync(ActivityNames.TriagePipeline, input, context);

    [Function(ActivityNames.DiagnoseEnvironments)]
    public Task<object?> DiagnoseEnvironmentsAsync([ActivityTrigger] DoctorRequest input, FunctionContext context) => RunAsync(ActivityNames.DiagnoseEnvironments, input, context);

    [Function(ActivityNames.PostPipelineNote)]
    public Task<object?> PostPipelineNoteAsync([ActivityTrigger] PipelineDiagnosis input, FunctionContext context) => RunAsync(ActivityNames.PostPipelineNote, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(PipelineActivityRegistry.ActivityTypes[name], name, input, context);
}
