using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Logs;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Evidence;

/// <summary>What the service's logs say over the window, from the log file or cloud role the policy names.</summary>
[DurableTask(ActivityNames.GatherLogs)]
internal sealed class GatherLogsActivity(ILogSource logs, RepositoryReader repositories, ILogger<GatherLogsActivity> logger) : TaskActivity<GatherRequest, LogsResult>
{
    public override async Task<LogsResult> RunAsync(TaskActivityContext context, GatherRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        if (caseFile.Service is null)
        {
            return new LogsResult(null, new MissingEvidence("logs", "no logs: the escalation names no known service, so there is no log to read"));
        }

        RepositoryContext repository;
        try
        {
            repository = await repositories.LoadAsync(caseFile.Case.ProjectId, CancellationToken.None);
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            return new LogsResult(null, ExpectedFailures.Missing("logs", ex));
        }

        var hint = repository.Policy.FindService(caseFile.Service)?.Logs;
        var query = new LogQuery(caseFile.Service, caseFile.Window, hint?.CloudRole, hint?.File is { } file ? [file] : null);
        var result = await logs.GatherAsync(query, CancellationToken.None);
        if (result.Found)
        {
            return new LogsResult(result.Evidence, null);
        }

        var missing = result.ToMissingEvidence();
        Log.EvidenceMissing(logger, missing.Source, caseFile.Case.InstanceId, missing.Reason);
        return new LogsResult(null, missing);
    }
}
