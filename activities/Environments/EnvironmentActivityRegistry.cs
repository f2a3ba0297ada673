using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Environments;

public static class EnvironmentActivityRegistry
{
    /// <summary>The environment activities under their <see cref="ActivityNames"/>; orchestrations/Environments adds the orchestrators on top (AddEnvironmentTasks).</summary>
    public static DurableTaskRegistry AddEnvironmentActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddActivity(ActivityNames.LoadTopology, typeof(LoadTopologyActivity))
            .AddActivity(ActivityNames.ReadEnvironmentBranch, typeof(ReadEnvironmentBranchActivity))
            .AddActivity(ActivityNames.CompareEnvironments, typeof(CompareEnvironmentsActivity))
            .AddActivity(ActivityNames.ReadLinkDrift, typeof(ReadLinkDriftActivity))
            .AddActivity(ActivityNames.PublishDriftIssue, typeof(PublishDriftIssueActivity))
            .AddActivity(ActivityNames.OpenPromotion, typeof(OpenPromotionActivity));
    }
}
