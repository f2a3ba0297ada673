using Microsoft.DurableTask;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Orchestrations.Incidents;

namespace RagnarokOps.Orchestrations.Pipelines;

/// <summary>
/// One failed pipeline (instance <c>pipeline-&lt;projectId&gt;-&lt;pipelineId&gt;</c>): diagnose it, with the Pipeline
/// Doctor on environment branches, post one note on the merge request or commit, and hand back an incident signal.
/// Changing the order of the calls breaks instances in flight.
/// </summary>
[DurableTask(Name)]
public sealed class PipelineTriageOrchestration : TaskOrchestrator<PipelineTriageRequest, PipelineTriageOutcome>
{
    public const string Name = nameof(PipelineTriageOrchestration);

    private static readonly TaskOptions Read = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromSeconds(30)));

    private static readonly TaskOptions Write = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<PipelineTriageOutcome> RunAsync(TaskOrchestrationContext context, PipelineTriageRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var diagnosis = await context.CallTriagePipelineAsync(input, Read);
        var note = await context.CallPostPipelineNoteAsync(diagnosis, Write);
        var signal = PipelineSignals.From(diagnosis, context.CurrentUtcDateTime);

        // The failure becomes (or repeats) an incident, inline: the local engine cannot run sub-orchestrations.
        var incidents = await IncidentHandOff.RunAsync(context, [signal]);
        return new PipelineTriageOutcome(diagnosis, note, signal, incidents);
    }
}
