using Microsoft.DurableTask;
using RagnarokOps.Activities.Pipelines;

namespace RagnarokOps.Orchestrations.Pipelines;

public static class PipelineRegistryExtensions
{
    /// <summary>The pipeline triage orchestrator and its activities, in one call (here, because orchestrators are a room above activities).</summary>
    public static DurableTaskRegistry AddPipelineTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddPipelineActivities().AddOrchestrator<PipelineTriageOrchestration>();
    }
}
