using Microsoft.DurableTask;
using RagnarokOps.Activities.Environments;

namespace RagnarokOps.Orchestrations.Environments;

public static class EnvironmentRegistryExtensions
{
    /// <summary>
    /// Every environment orchestrator and activity, in one call. It lives here, not in activities/, because the
    /// orchestrators are a room above the activities (DESIGN.md: arrows point down).
    /// </summary>
    public static DurableTaskRegistry AddEnvironmentTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddEnvironmentActivities()
            .AddOrchestrator<EnvStatusOrchestration>()
            .AddOrchestrator<DriftCheckOrchestration>()
            .AddOrchestrator<PromoteOrchestration>()
            .AddOrchestrator<EnvsyncCommandOrchestration>();
    }
}
