using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Orchestrations.CherryPick;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>The cherry-pick orchestration and activity triggers on Azure Functions: the same classes the local host runs.</summary>
public sealed class CherryPickFunctions
{
    [Function(CherryPickOrchestration.Name)]
    public Task<CherryPickOutcome> CherryPickAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CherryPickOrchestration().RunAsync(context, context.GetInput<CherryPickRequest>()!);

    [Function(ActivityNames.PlanCherryPick)]
    public Task<object?> PlanCherryPickAsync([ActivityTrigger] CherryPickRequest input, FunctionContext context) => RunAsync(ActivityNames.PlanCherryPick, input, context);

    [Function(ActivityNames.OpenCherryPick)]
    public Task<object?> OpenCherryPickAsync([ActivityTrigger] OpenCherryPickRequest input, FunctionContext context) => RunAsync(ActivityNames.OpenCherryPick, input, context);

    [Function(ActivityNames.ReportCherryPick)]
    public Task<object?> ReportCherryPickAsync([ActivityTrigger] CherryPickReportRequest input, FunctionContext context) => RunAsync(ActivityNames.ReportCherryPick, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(CherryPickActivityRegistry.ActivityTypes[name], name, input, context);
}
