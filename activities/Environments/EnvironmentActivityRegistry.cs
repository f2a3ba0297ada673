using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Environments;

public static class EnvironmentActivityRegistry
{
    /// <summary>Every environment activity by its <see cref="ActivityNames"/> name; Azure Functions' activity triggers create them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.LoadTopology] = typeof(LoadTopologyActivity),
        [ActivityNames.ReadEnvironmentBranch] = typeof(ReadEnvironmentBranchActivity),
        [ActivityNames.CompareEnvironments] = typeof(CompareEnvironmentsActivity),
        [ActivityNames.ReadLinkDrift] = typeof(ReadLinkDriftActivity),
        [ActivityNames.PublishDriftIssue] = typeof(PublishDriftIssueActivity),
        [ActivityNames.OpenPromotion] = typeof(OpenPromotionActivity),
        [ActivityNames.AnswerEnvsync] = typeof(AnswerEnvsyncActivity),
    };

    /// <summary>The environment activities under their <see cref="ActivityNames"/>; orchestrations/Environments adds the orchestrators on top (AddEnvironmentTasks).</summary>
    public static DurableTaskRegistry AddEnvironmentActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }
}
