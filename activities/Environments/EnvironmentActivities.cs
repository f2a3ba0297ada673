using Microsoft.DurableTask;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Environments;

// One class per activity; each is a thin, idempotent call into EnvironmentGitLab / EnvironmentWrites,
// which the CLI and the query endpoints call directly.

[DurableTask(ActivityNames.LoadTopology)]
internal sealed class LoadTopologyActivity(EnvironmentGitLab gitlab) : TaskActivity<ProjectRequest, TopologyLoad>
{
    public override Task<TopologyLoad> RunAsync(TaskActivityContext context, ProjectRequest input) =>
        gitlab.LoadTopologyAsync(input.Project, CancellationToken.None);
}

[DurableTask(ActivityNames.ReadEnvironmentBranch)]
internal sealed class ReadEnvironmentBranchActivity(EnvironmentGitLab gitlab) : TaskActivity<BranchRequest, BranchState>
{
    public override Task<BranchState> RunAsync(TaskActivityContext context, BranchRequest input) =>
        gitlab.ReadBranchAsync(input.Project, input.Environment, CancellationToken.None);
}

[DurableTask(ActivityNames.CompareEnvironments)]
internal sealed class CompareEnvironmentsActivity(EnvironmentGitLab gitlab) : TaskActivity<LinkRequest, ChainGap>
{
    public override Task<ChainGap> RunAsync(TaskActivityContext context, LinkRequest input) =>
        gitlab.CompareAsync(input.Project, input.From, input.To, CancellationToken.None);
}

[DurableTask(ActivityNames.ReadLinkDrift)]
internal sealed class ReadLinkDriftActivity(EnvironmentGitLab gitlab) : TaskActivity<LinkDriftRequest, LinkDrift>
{
    public override Task<LinkDrift> RunAsync(TaskActivityContext context, LinkDriftRequest input) =>
        gitlab.ReadDriftAsync(input.Project, input.From, input.To, input.Rules, CancellationToken.None);
}

[DurableTask(ActivityNames.PublishDriftIssue)]
internal sealed class PublishDriftIssueActivity(EnvironmentWrites writes) : TaskActivity<DriftReport, DriftIssueResult>
{
    public override Task<DriftIssueResult> RunAsync(TaskActivityContext context, DriftReport input) =>
        writes.PublishDriftIssueAsync(input, CancellationToken.None);
}

[DurableTask(ActivityNames.OpenPromotion)]
internal sealed class OpenPromotionActivity(EnvironmentWrites writes) : TaskActivity<PromotionRequest, PromotionMergeRequest>
{
    public override Task<PromotionMergeRequest> RunAsync(TaskActivityContext context, PromotionRequest input) =>
        writes.OpenPromotionAsync(input, CancellationToken.None);
}
