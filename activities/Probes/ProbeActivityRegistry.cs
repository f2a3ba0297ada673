using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Probes;

public static class ProbeActivityRegistry
{
    /// <summary>Every probe activity by its <see cref="ActivityNames"/> name; Azure Functions' activity triggers create them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.LoadProbeTargets] = typeof(LoadProbeTargetsActivity),
        [ActivityNames.ReadProbeStates] = typeof(ReadProbeStatesActivity),
        [ActivityNames.RunProbe] = typeof(RunProbeActivity),
        [ActivityNames.AppendProbeHistory] = typeof(AppendProbeHistoryActivity),
    };

    /// <summary>The probe activities; orchestrations/Probes adds the round on top (AddProbeTasks).</summary>
    public static DurableTaskRegistry AddProbeActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }
}
