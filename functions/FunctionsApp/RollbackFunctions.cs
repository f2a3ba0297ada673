using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Domain.Rollback;
using RagnarokOps.Orchestrations.Rollback;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>The rollback orchestration and activity triggers on Azure Functions: the same classes the local host runs.</summary>
public sealed class RollbackFunctions
{
    [Function(RollbackOrchestration.Name)]
    public Task<RollbackOutcome> RollbackAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RollbackOrchestration().RunAsync(context, context.GetInput<RollbackRequest>()!);

    [Function(ActivityNames.PlanRollback)]
    public Task<object?> PlanRollbackAsync([ActivityTrigger] RollbackRequest input, FunctionContext context) => RunAsync(ActivityNames.PlanRollback, input, context);

    [Function(ActivityNames.OpenRollback)]
    public Task<object?> OpenRollbackAsync([ActivityTrigger] RollbackPlan input, FunctionContext context) => RunAsync(ActivityNames.OpenRollback, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(RollbackActivityRegistry.ActivityTypes[name], name, input, context);
}
