using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Evidence;

/// <summary>Typed calls for the gather activities (the fan-out).</summary>
public static class EvidenceCalls
{
    public static Task<LogsResult> CallGatherLogsAsync(this TaskOrchestrationContext context, GatherRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<LogsResult>(ActivityNames.GatherLogs, input, options);

    public static Task<SourceResult<DeploymentEvidence>> CallGatherDeploymentsAsync(this TaskOrchestrationContext context, GatherRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<SourceResult<DeploymentEvidence>>(ActivityNames.GatherDeployments, input, options);

    public static Task<SourceResult<PipelineEvidence>> CallGatherPipelinesAsync(this TaskOrchestrationContext context, GatherRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<SourceResult<PipelineEvidence>>(ActivityNames.GatherPipelines, input, options);

    public static Task<SourceResult<FlagChangeEvidence>> CallGatherFlagChangesAsync(this TaskOrchestrationContext context, GatherRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<SourceResult<FlagChangeEvidence>>(ActivityNames.GatherFlagChanges, input, options);

    public static Task<SourceResult<ConfigDriftEvidence>> CallGatherConfigDriftAsync(this TaskOrchestrationContext context, GatherRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<SourceResult<ConfigDriftEvidence>>(ActivityNames.GatherConfigDrift, input, options);

    public static Task<SourceResult<CommitEvidence>> CallGatherCommitsAsync(this TaskOrchestrationContext context, GatherRequest input, TaskOptions? options = null) =>
        context.CallActivityAsync<SourceResult<CommitEvidence>>(ActivityNames.GatherCommits, input, options);
}
