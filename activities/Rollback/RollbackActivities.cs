using Microsoft.DurableTask;
using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Activities.Rollback;

[DurableTask(ActivityNames.PlanRollback)]
internal sealed class PlanRollbackActivity(RollbackGitLab gitlab) : TaskActivity<RollbackRequest, RollbackPlan>
{
    public override Task<RollbackPlan> RunAsync(TaskActivityContext context, RollbackRequest input) =>
        gitlab.PlanAsync(input.Project, input.Environment, CancellationToken.None);
}

[DurableTask(ActivityNames.OpenRollback)]
internal sealed class OpenRollbackActivity(RollbackWrites writes) : TaskActivity<RollbackPlan, RollbackOpenResult>
{
    public override Task<RollbackOpenResult> RunAsync(TaskActivityContext context, RollbackPlan input) =>
        writes.OpenAsync(input, CancellationToken.None);
}
