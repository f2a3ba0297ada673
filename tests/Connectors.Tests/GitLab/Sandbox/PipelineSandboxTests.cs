using System.Text.Json.Nodes;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Connectors.Tests.GitLab.Sandbox;

/// <summary>Pipelines and jobs (scopes, traces, keyset pages) through the client against the sandbox.</summary>
[Collection(GitLabSandboxCollection.Name)]
public sealed class PipelineSandboxTests(GitLabSandboxFixture sandbox)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGitLabClient _client = sandbox.Client;

    [Fact]
    public async Task ListPipelinesAsync_FailedOnMain_ContainsThePipelineOfTheFailedJob()
    {
        var failedJob = await FailedJobAsync();

        var failed = await _client.ListPipelinesAsync(sandbox.Project, new GitLabPipelineQuery { Ref = "main", Status = "failed" }, Ct).ToListAsync(Ct);
        var pushes = await _client.ListPipelinesAsync(sandbox.Project, new GitLabPipelineQuery { Source = "push", Sort = "asc" }, Ct).ToListAsync(Ct);

        var pipeline = Assert.Single(failed);
        Assert.Equal(failedJob.Pipeline!.Id, pipeline.Id);
        Assert.Equal(sandbox.Truth.ProjectId, pipeline.ProjectId);
        Assert.True(pushes.Count >= 6, $"expected the seeded push pipelines, got {pushes.Count}");
        Assert.Equal(pushes.OrderBy(p => p.Id).Select(p => p.Id), pushes.Select(p => p.Id));
    }

    [Fact]
    public async Task GetPipelineAsync_ProductionDeployment_IsTheHeadPipelineThatSucceeded()
    {
        var deployment = await _client.ListDeploymentsAsync(sandbox.Project, new GitLabDeploymentQuery { Environment = "production" }, Ct).FirstAsync(Ct);

        var pipeline = await _client.GetPipelineAsync(sandbox.Project, deployment.Deployable!.Pipeline!.Id, Ct);

        Assert.Equal("success", pipeline.Status);
        Assert.Equal(deployment.Sha, pipeline.Sha);
        Assert.Equal("main", pipeline.Ref);
        Assert.Equal("push", pipeline.Source);
        Assert.True(pipeline.FinishedAt > pipeline.StartedAt);
    }

    [Fact]
    public async Task CreatePipelineAsync_WithVariables_CreatesAnApiPipelineKeepingThem()
    {
        var main = await _client.GetCommitAsync(sandbox.Project, "main", Ct);

        var pipeline = await _client.CreatePipelineAsync(sandbox.Project, "main",
            [new GitLabPipelineVariable("RAGNAROK_INCIDENT", "42"), new GitLabPipelineVariable("CANARY", "off") { VariableType = "env_var" }], Ct);
        var fetched = await _client.GetPipelineAsync(sandbox.Project, pipeline.Id, Ct);
        var variables = await ReadVariablesAsync(pipeline.Id);

        Assert.Equal(main.Id, pipeline.Sha);
        Assert.Equal("main", pipeline.Ref);
        Assert.Equal("api", fetched.Source);
        Assert.Contains(pipeline.Status, new[] { "created", "pending", "running" });
        Assert.Equal(["RAGNAROK_INCIDENT=42", "CANARY=off"], variables);
    }

    [Fact]
    public async Task CreatePipelineAsync_ShaInsteadOfBranch_ThrowsBadRequestNamingTheReference()
    {
        var ex = await Assert.ThrowsAsync<GitLabApiException>(() => _client.CreatePipelineAsync(sandbox.Project, sandbox.Truth.CulpritSha!, null, Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("Reference not found", ex.GitLabMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobTraceAsync_JobThatHasNotRun_EmptyTextNotAnError()
    {
        var pipeline = await _client.CreatePipelineAsync(sandbox.Project, "staging", null, Ct);
        var jobs = await _client.ListPipelineJobsAsync(sandbox.Project, pipeline.Id, null, Ct).ToListAsync(Ct);

        var trace = await _client.GetJobTraceAsync(sandbox.Project, jobs[0].Id, Ct);

        Assert.Equal("", trace);
        Assert.Contains(jobs, j => j.Status is "pending" or "created");
    }

    [Fact]
    public async Task ListPipelineJobsAsync_FailedScope_ReturnsOnlyTheFailedTestJob()
    {
        var failedJob = await FailedJobAsync();

        var failed = await _client.ListPipelineJobsAsync(sandbox.Project, failedJob.Pipeline!.Id, [GitLabJobScope.Failed], Ct).ToListAsync(Ct);
        var all = await _client.ListPipelineJobsAsync(sandbox.Project, failedJob.Pipeline.Id, null, Ct).ToListAsync(Ct);
        var successOrFailed = await _client.ListPipelineJobsAsync(sandbox.Project, failedJob.Pipeline.Id, [GitLabJobScope.Success, GitLabJobScope.Failed], Ct).ToListAsync(Ct);

        var job = Assert.Single(failed);
        Assert.Equal(sandbox.Truth.FailedJobId, job.Id);
        Assert.Equal("test", job.Name);
        Assert.Equal("script_failure", job.FailureReason);
        Assert.Equal(["build", "test"], all.Select(j => j.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, successOrFailed.Count);
    }

    [Fact]
    public async Task GetJobTraceAsync_FailedJob_NamesTheFailingTest()
    {
        var trace = await _client.GetJobTraceAsync(sandbox.Project, sandbox.Truth.FailedJobId!.Value, Ct);

        Assert.Contains("Tax_RoundsHalfAwayFromZero [FAIL]", trace, StringComparison.Ordinal);
        Assert.Contains("ERROR: Job failed: exit code 1", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListProjectJobsAsync_KeysetPagesOfTwo_SameJobsAsOnePageNewestFirst()
    {
        var small = sandbox.CreateClient(sandbox.Server.Token, pageSize: 2);

        var paged = await small.ListProjectJobsAsync(sandbox.Project, [GitLabJobScope.Success], Ct).ToListAsync(Ct);
        var whole = await _client.ListProjectJobsAsync(sandbox.Project, [GitLabJobScope.Success], Ct).ToListAsync(Ct);
        var failed = await small.ListProjectJobsAsync(sandbox.Project, [GitLabJobScope.Failed], Ct).ToListAsync(Ct);

        Assert.True(paged.Count > 6, $"expected many successful jobs, got {paged.Count}");
        Assert.Equal(whole.Select(j => j.Id), paged.Select(j => j.Id));
        Assert.Equal(paged.Select(j => j.Id).OrderDescending(), paged.Select(j => j.Id));
        Assert.All(paged, j => Assert.Equal("success", j.Status));
        Assert.Contains(failed, j => j.Id == sandbox.Truth.FailedJobId);
    }

    private async Task<GitLabJob> FailedJobAsync() =>
        await _client.ListProjectJobsAsync(sandbox.Project, [GitLabJobScope.Failed], Ct).FirstAsync(j => j.Id == sandbox.Truth.FailedJobId, Ct);

    // The client has no call for pipeline variables (the product never reads them back); ask the sandbox directly.
    private async Task<List<string>> ReadVariablesAsync(long pipelineId)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };
        http.DefaultRequestHeaders.Add("PRIVATE-TOKEN", sandbox.Server.Token);
        var path = $"api/v4/projects/{sandbox.Truth.ProjectId}/pipelines/{pipelineId}/variables";
        var json = JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), Ct))!.AsArray();
        return json.Select(v => $"{v!["key"]}={v["value"]}").ToList();
    }
}
