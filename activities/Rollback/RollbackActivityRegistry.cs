using Microsoft.DurableTask;
using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Activities.Rollback;

public static class RollbackActivityRegistry
{
    /// <summary>Every rollback activity by its <see cref="ActivityNames"/> name; Azure Functions' activity triggers create them from here.</summary>
    public static IReadOnlyDictionary<string, Type> ActivityTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ActivityNames.PlanRollback] = typeof(PlanRollbackActivity),
        [ActivityNames.OpenRollback] = typeof(OpenRollbackActivity),
    };

    public static DurableTaskRegistry AddRollbackActivities(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in ActivityTypes)
        {
            registry.AddActivity(name, type);
        }

        return registry;
    }

    public static Task<RollbackPlan> CallPlanRollbackAsync(this TaskOrchestrationContext context, RollbackRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<RollbackPlan>(ActivityNames.PlanRollback, input, options);

    public static Task<RollbackOpenResult> CallOpenRollbackAsync(this TaskOrchestrationContext context, RollbackPlan input, TaskOptions? options = null) =>
        context.CallActivityAsync<RollbackOpenResult>(ActivityNames.OpenRollback, input, options);
}
