using Microsoft.DurableTask;
using RagnarokOps.Activities.Incidents;

namespace RagnarokOps.Orchestrations.Incidents;

public static class IncidentRegistryExtensions
{
    /// <summary>The incident orchestrator and its activities, in one call.</summary>
    public static DurableTaskRegistry AddIncidentTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddIncidentActivities().AddOrchestrator<IncidentOrchestration>();
    }
}
