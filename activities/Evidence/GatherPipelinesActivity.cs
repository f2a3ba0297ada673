using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Evidence;
using RagnarokOps.Domain.Repro;
using Microsoft.DurableTask;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Activities.Evidence;

/// <summary>Pipelines updated in the window with their jobs; a failed job carries the classified excerpt of its log.</summary>
[DurableTask(ActivityNames.GatherPipelines)]
internal sealed class GatherPipelinesActivity(IGitLabClient gitlab, ILogger<GatherPipelinesActivity> logger) : TaskActivity<GatherRequest, SourceResult<PipelineEvidence>>
{
    internal const int MaxPipelines = 30;

    public override async Task<SourceResult<PipelineEvidence>> RunAsync(TaskActivityContext context, GatherRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        var projectId = caseFile.Case.ProjectId;
        try
        {
            var query = new GitLabPipelineQuery { UpdatedAfter = caseFile.Window.From, UpdatedBefore = caseFile.Window.To, OrderBy = "id", Sort = "desc" };
            var items = new List<PipelineEvidence>();
            await foreach (var pipeline in gitlab.ListPipelinesAsync(projectId, query, CancellationToken.None))
            {
                if (items.Count >= MaxPipelines)
                {
                    break;
                }

                var jobs = new List<JobEvidence>();
                await foreach (var job in gitlab.ListPipelineJobsAsync(projectId, pipeline.Id, null, CancellationToken.None))
                {
                    var excerpt = job.Status == "failed" ? await ExcerptAsync(projectId, job.Id) : null;
                    jobs.Add(new JobEvidence(job.Id, job.Name, job.Stage ?? "", job.Status, job.FailureReason, excerpt));
                }

                items.Add(new PipelineEvidence(
                    pipeline.Id, pipeline.Ref, pipeline.Sha, pipeline.Status, pipeline.Source,
                    pipeline.CreatedAt ?? caseFile.Window.From, pipeline.FinishedAt, pipeline.WebUrl, jobs));
            }

            return new SourceResult<PipelineEvidence>(items, null);
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            var missing = ExpectedFailures.Missing("pipelines", ex);
            Log.EvidenceMissing(logger, missing.Source, caseFile.Case.InstanceId, missing.Reason);
            return SourceResult<PipelineEvidence>.Absent(missing);
        }
    }

    /// <summary>The failure chunk of the job's log, redacted; a trace we may not read leaves the job without one.</summary>
    private async Task<string?> ExcerptAsync(long projectId, long jobId)
    {
        try
        {
            var trace = await gitlab.GetJobTraceAsync(projectId, jobId, CancellationToken.None);
            var result = FailureClassifier.BuiltIn.Classify(trace);
            return result.Chunk is { } chunk ? SecretRedactor.Redact(chunk.Text) : null;
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            return null;
        }
    }
}
