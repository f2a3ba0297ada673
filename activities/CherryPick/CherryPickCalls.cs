using Microsoft.DurableTask;

namespace RagnarokOps.Activities.CherryPick;

/// <summary>Typed calls for the cherry-pick activities.</summary>
public static class CherryPickCalls
{
    public static Task<CherryPickPlan> CallPlanCherryPickAsync(this TaskOrchestrationContext context, CherryPickRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<CherryPickPlan>(ActivityNames.PlanCherryPick, input, options);

    public static Task<CherryPickMergeRequest> CallOpenCherryPickAsync(this TaskOrchestrationContext context, OpenCherryPickRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<CherryPickMergeRequest>(ActivityNames.OpenCherryPick, input, options);

    public static Task<CherryPickReport> CallReportCherryPickAsync(this TaskOrchestrationContext context, CherryPickReportRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<CherryPickReport>(ActivityNames.ReportCherryPick, input, options);
}
