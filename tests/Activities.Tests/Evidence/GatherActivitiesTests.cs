using RagnarokOps.Activities.Evidence;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Tests.Evidence;

[Collection(SandboxCollection.Name)]
public sealed class GatherActivitiesTests(SandboxCase sandbox)
{
    [Fact]
    public async Task GatherDeployments_CheckoutProduction_FindsTheCulpritsDeploymentWithItsCommits()
    {
        var evidence = await sandbox.EvidenceAsync();

        var deployment = Assert.Single(evidence.Deployments, d => d.Id == sandbox.Truth.DeploymentId);
        Assert.Equal("production", deployment.Environment);
        Assert.Contains(sandbox.Truth.CulpritSha!, deployment.CommitShas);
        Assert.True(deployment.CommitShas.Count > 1, "the compare with the previous deployment carries more than the head");
    }

    [Fact]
    public async Task GatherCommits_Window_HoldsTheCulpritWithItsDiff()
    {
        var evidence = await sandbox.EvidenceAsync();

        var culprit = Assert.Single(evidence.Commits, c => c.Sha == sandbox.Truth.CulpritSha);
        Assert.Equal(sandbox.Truth.CulpritTitle, culprit.Title);
        var file = Assert.Single(culprit.Files, f => f.Path == sandbox.Truth.CulpritFile);
        Assert.Contains("Coupon!.Percent", file.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherFlagChanges_Window_FindsTheToggledFlag()
    {
        var evidence = await sandbox.EvidenceAsync();

        var flag = Assert.Single(evidence.FlagChanges);
        Assert.Equal(sandbox.Truth.FlagName, flag.Name);
        Assert.Equal(sandbox.Truth.FlagToggledAt, flag.ChangedAt);
        Assert.True(flag.Active);
    }

    [Fact]
    public async Task GatherLogs_PolicyLogFile_ReadsErrorsAroundTheOnset()
    {
        var evidence = await sandbox.EvidenceAsync();

        Assert.NotNull(evidence.Logs);
        Assert.Equal(sandbox.Truth.Service, evidence.Logs.Service);
        Assert.Contains(evidence.Logs.ErrorsPerMinute, b => b.Errors > 0 && b.Minute >= sandbox.Truth.OnsetAt);
        Assert.Contains(evidence.Logs.TopExceptions, e => e.Type.Contains("NullReferenceException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GatherPipelines_Window_RecordsTheHeadPipelineAndNoMissingSource()
    {
        var evidence = await sandbox.EvidenceAsync();

        Assert.Empty(evidence.Missing);
        Assert.Contains(evidence.Pipelines, p => p.Jobs.Any(j => j.Name == "deploy-production" && j.Status == "success"));
    }

    [Fact]
    public async Task GatherPipelines_WindowWithTheFailedTest_CarriesAClassifiedExcerpt()
    {
        var caseFile = await sandbox.CaseFileAsync();
        var failedAt = sandbox.Truth.Anchor.AddDays(-2.3);
        var request = new GatherRequest(caseFile with { Window = new TimeWindow(failedAt.AddHours(-1), failedAt.AddHours(1)) });

        var result = await sandbox.RunAsync<GatherPipelinesActivity, GatherRequest, SourceResult<PipelineEvidence>>(request);

        var job = Assert.Single(result.Items.SelectMany(p => p.Jobs), j => j.Id == sandbox.Truth.FailedJobId);
        Assert.Equal("failed", job.Status);
        Assert.False(string.IsNullOrWhiteSpace(job.TraceExcerpt));
    }

    [Fact]
    public async Task GatherDeployments_UnknownProject_IsMissingWithTheReason()
    {
        var caseFile = await sandbox.CaseFileAsync();
        var request = new GatherRequest(caseFile with { Case = caseFile.Case with { ProjectId = 987654 } });

        var result = await sandbox.RunAsync<GatherDeploymentsActivity, GatherRequest, SourceResult<DeploymentEvidence>>(request);

        Assert.Empty(result.Items);
        Assert.NotNull(result.Missing);
        Assert.Equal("deployments", result.Missing.Source);
        Assert.Contains("404", result.Missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatherLogs_NoService_IsMissingWithTheReason()
    {
        var caseFile = await sandbox.CaseFileAsync();

        var result = await sandbox.RunAsync<GatherLogsActivity, GatherRequest, LogsResult>(new GatherRequest(caseFile with { Service = null }));

        Assert.Null(result.Logs);
        Assert.Equal("logs", result.Missing?.Source);
    }
}
