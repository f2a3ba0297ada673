using Microsoft.DurableTask;
using RagnarokOps.Activities.CherryPick;

namespace RagnarokOps.Orchestrations.CherryPick;

public static class CherryPickRegistryExtensions
{
    /// <summary>The cherry-pick orchestrator and its activities, in one call.</summary>
    public static DurableTaskRegistry AddCherryPickTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddCherryPickActivities().AddOrchestrator<CherryPickOrchestration>();
    }
}
