using Microsoft.DurableTask;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Environments;

/// <summary>Typed calls for the environment activities.</summary>
public static class EnvironmentCalls
{
    public static Task<TopologyLoad> CallLoadTopologyAsync(this TaskOrchestrationContext context, ProjectRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<TopologyLoad>(ActivityNames.LoadTopology, input, options);

    public static Task<BranchState> CallReadEnvironmentBranchAsync(this TaskOrchestrationContext context, BranchRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<BranchState>(ActivityNames.ReadEnvironmentBranch, input, options);

    public static Task<ChainGap> CallCompareEnvironmentsAsync(this TaskOrchestrationContext context, LinkRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<ChainGap>(ActivityNames.CompareEnvironments, input, options);

    public static Task<LinkDrift> CallReadLinkDriftAsync(this TaskOrchestrationContext context, LinkDriftRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<LinkDrift>(ActivityNames.ReadLinkDrift, input, options);

    public static Task<DriftIssueResult> CallPublishDriftIssueAsync(this TaskOrchestrationContext context, DriftReport input, TaskOptions? options = null) =>
        context.CallActivityAsync<DriftIssueResult>(ActivityNames.PublishDriftIssue, input, options);

    public static Task<PromotionMergeRequest> CallOpenPromotionAsync(this TaskOrchestrationContext context, PromotionRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<PromotionMergeRequest>(ActivityNames.OpenPromotion, input, options);

    public static Task<long> CallAnswerEnvsyncAsync(this TaskOrchestrationContext context, EnvsyncAnswerRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<long>(ActivityNames.AnswerEnvsync, input, options);
}
