using Microsoft.DurableTask;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Orchestrations.Evidence;

/// <summary>
/// The evidence fan-out and fan-in: logs, deployments, pipelines, flags, commits and config drift in parallel, one
/// activity each, into one bundle. A source that fails after its retries is named as missing with its reason, never a
/// failed case. Escalations and incidents gather the same way; call it inline from an orchestrator.
/// </summary>
public static class EvidenceFanOut
{
    public static async Task<EvidenceBundle> GatherAsync(TaskOrchestrationContext context, CaseFile caseFile, TaskOptions? options = null)
    {
        var request = new GatherRequest(caseFile);
        var logs = context.CallGatherLogsAsync(request, options);
        var deployments = Tolerate(context.CallGatherDeploymentsAsync(request, options), "deployments");
        var pipelines = Tolerate(context.CallGatherPipelinesAsync(request, options), "pipelines");
        var flags = Tolerate(context.CallGatherFlagChangesAsync(request, options), "flags");
        var commits = Tolerate(context.CallGatherCommitsAsync(request, options), "commits");
        var drift = Tolerate(context.CallGatherConfigDriftAsync(request, options), "config drift");
        var logsResult = await ToleratedLogsAsync(logs);
        await Task.WhenAll(deployments, pipelines, flags, commits, drift);

        var missing = new List<MissingEvidence>();
        missing.AddRange(new[] { logsResult.Missing, deployments.Result.Missing, pipelines.Result.Missing, flags.Result.Missing, commits.Result.Missing, drift.Result.Missing }.OfType<MissingEvidence>());
        return new EvidenceBundle(
            caseFile.Window,
            logsResult.Logs,
            deployments.Result.Items,
            commits.Result.Items,
            flags.Result.Items,
            pipelines.Result.Items,
            missing,
            drift.Result.Items);
    }

    /// <summary>A source that failed after its retries becomes missing evidence with the reason, never a failed case.</summary>
    private static async Task<SourceResult<T>> Tolerate<T>(Task<SourceResult<T>> call, string source)
    {
        try
        {
            return await call;
        }
        catch (TaskFailedException ex)
        {
            return SourceResult<T>.Absent(new MissingEvidence(source, $"the {source} source failed after retries: {ex.FailureDetails.ErrorMessage}"));
        }
    }

    private static async Task<LogsResult> ToleratedLogsAsync(Task<LogsResult> call)
    {
        try
        {
            return await call;
        }
        catch (TaskFailedException ex)
        {
            return new LogsResult(null, new MissingEvidence("logs", $"the logs source failed after retries: {ex.FailureDetails.ErrorMessage}"));
        }
    }
}
