using Microsoft.DurableTask;

namespace RagnarokOps.Activities.CherryPick;

public static class CherryPickActivityRegistry
{
    /// <summary>Every cherry-pick activity by its <see cref="ActivityNames"/> name; Azure Functions' activity triggers create them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.PlanCherryPick] = typeof(PlanCherryPickActivity),
        [ActivityNames.OpenCherryPick] = typeof(OpenCherryPickActivity),
        [ActivityNames.ReportCherryPick] = typeof(ReportCherryPickActivity),
    };

    public static DurableTaskRegistry AddCherryPickActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }
}
