using Microsoft.DurableTask;

namespace RagnarokOps.Activities.CherryPick;

[DurableTask(ActivityNames.PlanCherryPick)]
internal sealed class PlanCherryPickActivity(CherryPickGitLab gitlab) : TaskActivity<CherryPickRequest, CherryPickPlan>
{
    public override Task<CherryPickPlan> RunAsync(TaskActivityContext context, CherryPickRequest input) => gitlab.PlanAsync(input, CancellationToken.None);
}

[DurableTask(ActivityNames.OpenCherryPick)]
internal sealed class OpenCherryPickActivity(CherryPickGitLab gitlab) : TaskActivity<OpenCherryPickRequest, CherryPickMergeRequest>
{
    public override Task<CherryPickMergeRequest> RunAsync(TaskActivityContext context, OpenCherryPickRequest input) => gitlab.OpenAsync(input, CancellationToken.None);
}

[DurableTask(ActivityNames.ReportCherryPick)]
internal sealed class ReportCherryPickActivity(CherryPickGitLab gitlab) : TaskActivity<CherryPickReportRequest, CherryPickReport>
{
    public override Task<CherryPickReport> RunAsync(TaskActivityContext context, CherryPickReportRequest input) => gitlab.ReportAsync(input, CancellationToken.None);
}
