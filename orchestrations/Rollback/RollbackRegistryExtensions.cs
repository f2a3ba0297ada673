using Microsoft.DurableTask;
using RagnarokOps.Activities.Rollback;

namespace RagnarokOps.Orchestrations.Rollback;

public static class RollbackRegistryExtensions
{
    /// <summary>The rollback orchestrator and its activities, in one call.</summary>
    public static DurableTaskRegistry AddRollbackTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddRollbackActivities().AddOrchestrator<RollbackOrchestration>();
    }
}
