using Microsoft.DurableTask;
using RagnarokOps.Activities.Probes;

namespace RagnarokOps.Orchestrations.Probes;

public static class ProbeRegistryExtensions
{
    /// <summary>The probe round and its activities in one call.</summary>
    public static DurableTaskRegistry AddProbeTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddProbeActivities().AddOrchestrator<ProbeRoundOrchestration>();
    }
}
