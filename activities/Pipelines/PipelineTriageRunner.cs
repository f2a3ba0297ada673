using System.Net;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Classification;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Domain.Pipelines;

namespace RagnarokOps.Activities.Pipelines;

/// <summary>
/// Reads a failed pipeline and says what broke: each failed job classified against the ref's last green run of the
/// same job, new or already failing, and on an environment branch the Pipeline Doctor's code-or-environment verdict.
/// Read-only: the activity and the CLI both use it.
/// </summary>
public sealed class PipelineTriageRunner(IGitLabClient gitlab, EnvironmentGitLab environments)
{
    private const int History = 30;

    public async Task<PipelineDiagnosis> TriageAsync(PipelineTriageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var failed = new List<GitLabJob>();
        await foreach (var job in gitlab.ListPipelineJobsAsync(request.ProjectId, request.PipelineId, [GitLabJobScope.Failed], cancellationToken).ConfigureAwait(false))
        {
            if (job.AllowFailure != true)
            {
                failed.Add(job);
            }
        }

        if (failed.Count == 0)
        {
            problems.Add($"pipeline #{request.PipelineId} has no failed job that is not allowed to fail");
        }

        var earlier = await EarlierPipelinesAsync(request.ProjectId, request.Ref, request.PipelineId, cancellationToken).ConfigureAwait(false);
        var previous = earlier.FirstOrDefault(p => p.Status is "success" or "failed");
        var lastGreen = earlier.FirstOrDefault(p => p.Status == "success");
        var previousJobs = previous is null ? [] : await JobsAsync(request.ProjectId, previous.Id, cancellationToken).ConfigureAwait(false);
        var greenJobs = lastGreen is null ? [] : await JobsAsync(request.ProjectId, lastGreen.Id, cancellationToken).ConfigureAwait(false);

        var jobs = new List<JobDiagnosis>();
        var traces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in failed.GroupBy(j => j.Name).Select(g => g.MaxBy(j => j.Id)!).OrderBy(j => j.Id))
        {
            var trace = await TraceAsync(request.ProjectId, job.Id, cancellationToken).ConfigureAwait(false);
            if (trace is null)
            {
                problems.Add($"the log of job {job.Name} ({job.Id}) could not be read");
                jobs.Add(Diagnose(job, null, null, previous, previousJobs));
                continue;
            }

            traces[job.Name] = trace;
            var green = greenJobs.Where(j => j.Name == job.Name && j.Status == "success").MaxBy(j => j.Id);
            var baseline = green is null ? null : await TraceAsync(request.ProjectId, green.Id, cancellationToken).ConfigureAwait(false);
            var result = baseline is null ? FailureClassifier.BuiltIn.Classify(trace) : FailureClassifier.BuiltIn.Classify(trace, baseline);
            jobs.Add(Diagnose(job, result, baseline is null ? null : green!.Id, previous, previousJobs));
        }

        var (environment, doctor) = await DoctorAsync(request, jobs, traces, problems, cancellationToken).ConfigureAwait(false);
        return new PipelineDiagnosis(request.ProjectId, request.Project, request.PipelineId, request.Ref, request.Sha, request.WebUrl, request.MergeRequestIid,
            jobs, environment, doctor, problems);
    }

    /// <summary>For the CLI: the given pipeline, or the latest failed pipeline of any environment branch.</summary>
    public async Task<PipelineDoctorOutcome> DoctorAsync(string project, long? pipelineId, CancellationToken cancellationToken)
    {
        try
        {
            var info = await gitlab.GetProjectAsync(project, cancellationToken).ConfigureAwait(false);
            GitLabPipeline? pipeline;
            if (pipelineId is { } id)
            {
                pipeline = await gitlab.GetPipelineAsync(info.Id, id, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var load = await environments.LoadTopologyAsync(project, cancellationToken).ConfigureAwait(false);
                if (load.Topology is not { IsDefault: false } topology)
                {
                    return new(info.PathWithNamespace, null, load.Errors.Count > 0 ? load.Errors : [$"{info.PathWithNamespace} has no {TopologyParser.FileName}: no environment branches to doctor"]);
                }

                pipeline = null;
                foreach (var env in topology.Environments)
                {
                    var latest = await LatestFinishedAsync(info.Id, env.Branch, cancellationToken).ConfigureAwait(false);
                    if (latest is { Status: "failed" } && (pipeline is null || latest.Id > pipeline.Id))
                    {
                        pipeline = latest;
                    }
                }

                if (pipeline is null)
                {
                    return new(info.PathWithNamespace, null, [$"no environment branch of {info.PathWithNamespace} has a failed latest pipeline"]);
                }
            }

            if (pipeline.Status != "failed")
            {
                return new(info.PathWithNamespace, null, [$"pipeline #{pipeline.Id} is {pipeline.Status}, not failed"]);
            }

            var diagnosis = await TriageAsync(new PipelineTriageRequest(info.Id, info.PathWithNamespace, pipeline.Id, pipeline.Ref, pipeline.Sha, pipeline.WebUrl, null), cancellationToken).ConfigureAwait(false);
            return new(info.PathWithNamespace, diagnosis, diagnosis.Environment is null ? [$"{pipeline.Ref} is not an environment branch of {TopologyParser.FileName}"] : []);
        }
        catch (GitLabApiException ex)
        {
            return new(project, null, [$"GitLab answered {(int)ex.StatusCode} to {ex.Method} {ex.Path}"]);
        }
    }

    private static JobDiagnosis Diagnose(GitLabJob job, ClassificationResult? result, long? baselineJobId, GitLabPipeline? previous, IReadOnlyList<GitLabJob> previousJobs)
    {
        var (novelty, why) = Novelty(job.Name, previous, previousJobs);
        var rule = result?.Chunk is { } c ? result.Rules.FirstOrDefault(h => h.Rule.Id == c.RuleId)?.Rule : null;
        return new JobDiagnosis(job.Id, job.Name, job.Stage, job.WebUrl, rule?.Id ?? result?.Chunk?.RuleId, rule?.Category, rule?.Title, rule?.Hint,
            result?.Chunk?.StartLine, result?.Chunk?.EndLine, result?.Chunk?.Text,
            result is null ? "the job's log could not be read" : result.Chunk is null ? result.NoChunkReason ?? "no rule matched the log" : null,
            result is null ? 0 : TriageConfidence.Of(result, baselineJobId is not null), baselineJobId, novelty, why);
    }

    private static (FailureNovelty, string) Novelty(string name, GitLabPipeline? previous, IReadOnlyList<GitLabJob> previousJobs)
    {
        if (previous is null)
        {
            return (FailureNovelty.Unknown, "the ref has no earlier finished pipeline to compare with");
        }

        return previousJobs.Where(j => j.Name == name).MaxBy(j => j.Id) switch
        {
            null => (FailureNovelty.Unknown, $"the ref's previous pipeline #{previous.Id} did not run `{name}`"),
            { Status: "failed" } => (FailureNovelty.AlreadyFailing, $"the ref's previous pipeline #{previous.Id} failed `{name}` too"),
            { Status: "success" } => (FailureNovelty.New, $"the ref's previous pipeline #{previous.Id} passed `{name}`"),
            var j => (FailureNovelty.Unknown, $"`{name}` was {j.Status} in the ref's previous pipeline #{previous.Id}"),
        };
    }

    private async Task<(string?, IReadOnlyList<DoctorVerdict>)> DoctorAsync(
        PipelineTriageRequest request, IReadOnlyList<JobDiagnosis> jobs, Dictionary<string, string> traces, List<string> problems, CancellationToken cancellationToken)
    {
        TopologyLoad load;
        try
        {
            load = await environments.LoadTopologyAsync(request.Project, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex)
        {
            problems.Add($"the environment topology could not be read: GitLab answered {(int)ex.StatusCode}");
            return (null, []);
        }

        if (load.Topology is not { IsDefault: false } topology
            || topology.Environments.FirstOrDefault(e => string.Equals(e.Branch, request.Ref, StringComparison.Ordinal)) is not { } environment)
        {
            return (null, []);
        }

        var others = new List<(EnvironmentBranch Env, GitLabPipeline? Pipeline, IReadOnlyList<GitLabJob> Jobs)>();
        foreach (var other in topology.Environments.Where(e => e != environment))
        {
            var latest = await LatestFinishedAsync(request.ProjectId, other.Branch, cancellationToken).ConfigureAwait(false);
            others.Add((other, latest, latest is null ? [] : await JobsAsync(request.ProjectId, latest.Id, cancellationToken).ConfigureAwait(false)));
        }

        var verdicts = new List<DoctorVerdict>();
        foreach (var job in jobs)
        {
            var comparisons = new List<DoctorComparison>();
            foreach (var (env, pipeline, otherJobs) in others)
            {
                comparisons.Add(await CompareAsync(request, job.Name, env, pipeline, otherJobs, cancellationToken).ConfigureAwait(false));
            }

            var passing = comparisons.FirstOrDefault(c => c.JobStatus == "success" && (c.HasCommit || c.SameCode));
            var differences = passing is null ? [] : await ConfigDifferencesAsync(request, topology, topology.Find(passing.Environment)!, environment, passing.Sha!, cancellationToken).ConfigureAwait(false);
            verdicts.Add(PipelineDoctor.Decide(environment.Name, job.Name, traces.GetValueOrDefault(job.Name), job.RuleId, comparisons, differences));
        }

        return (environment.Name, verdicts);
    }

    private async Task<DoctorComparison> CompareAsync(PipelineTriageRequest request, string jobName, EnvironmentBranch env, GitLabPipeline? pipeline, IReadOnlyList<GitLabJob> jobs, CancellationToken cancellationToken)
    {
        if (pipeline is null)
        {
            return new(env.Name, env.Branch, null, null, null, false, false, null, $"{env.Name}: no finished pipeline on {env.Branch}");
        }

        var job = jobs.Where(j => j.Name == jobName).MaxBy(j => j.Id);
        if (job is null)
        {
            return new(env.Name, env.Branch, pipeline.Id, pipeline.Sha, null, false, false, null, $"{env.Name}: pipeline #{pipeline.Id} has no job `{jobName}`");
        }

        var hasCommit = pipeline.Sha == request.Sha;
        var sameCode = hasCommit;
        if (!hasCommit)
        {
            try
            {
                var mergeBase = await gitlab.GetMergeBaseAsync(request.ProjectId, request.Sha, pipeline.Sha, cancellationToken).ConfigureAwait(false);
                hasCommit = mergeBase.Id == request.Sha;
                sameCode = mergeBase.Id == pipeline.Sha;
            }
            catch (GitLabApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
            {
                return new(env.Name, env.Branch, pipeline.Id, pipeline.Sha, job.Status, false, false, null, $"{env.Name}: commits {request.Sha[..8]} and {pipeline.Sha[..8]} have no merge base");
            }
        }

        string? sameRule = null;
        if (job.Status == "failed" && await TraceAsync(request.ProjectId, job.Id, cancellationToken).ConfigureAwait(false) is { } trace)
        {
            sameRule = FailureClassifier.BuiltIn.Classify(trace).Chunk?.RuleId;
        }

        return new(env.Name, env.Branch, pipeline.Id, pipeline.Sha, job.Status, hasCommit, sameCode, sameRule, null);
    }

    /// <summary>The config keys that differ from the passing commit to the failing one, sorted by the drift rules into unexpected and expected.</summary>
    private async Task<IReadOnlyList<DriftFinding>> ConfigDifferencesAsync(
        PipelineTriageRequest request, EnvironmentTopology topology, EnvironmentBranch passing, EnvironmentBranch failing, string passingSha, CancellationToken cancellationToken)
    {
        if (passingSha == request.Sha)
        {
            return [];
        }

        var compare = await gitlab.CompareAsync(request.ProjectId, passingSha, request.Sha, straight: true, cancellationToken).ConfigureAwait(false);
        var files = new List<ChangedFile>();
        foreach (var diff in compare.Diffs.Where(d => ConfigKeys.IsConfigFile(d.NewPath)).Take(EnvironmentGitLab.MaxDriftFiles))
        {
            var before = diff.NewFile ? null : await gitlab.FindRawFileAsync(request.ProjectId, diff.OldPath, passingSha, cancellationToken).ConfigureAwait(false);
            var after = diff.DeletedFile ? null : await gitlab.FindRawFileAsync(request.ProjectId, diff.NewPath, request.Sha, cancellationToken).ConfigureAwait(false);
            files.Add(new ChangedFile(diff.NewPath, diff.OldPath, diff.NewFile ? "added" : diff.DeletedFile ? "removed" : "changed", diff.Diff, before, after, null));
        }

        var drift = DriftAnalyzer.Analyze(passing, failing, passingSha, files, topology.Drift);
        return [.. drift.Unexpected, .. drift.Expected];
    }

    private async Task<List<GitLabPipeline>> EarlierPipelinesAsync(long projectId, string gitRef, long pipelineId, CancellationToken cancellationToken)
    {
        var list = new List<GitLabPipeline>();
        await foreach (var p in gitlab.ListPipelinesAsync(projectId, new GitLabPipelineQuery { Ref = gitRef, OrderBy = "id", Sort = "desc" }, cancellationToken).ConfigureAwait(false))
        {
            if (p.Id < pipelineId)
            {
                list.Add(p);
            }

            if (list.Count >= History)
            {
                break;
            }
        }

        return list;
    }

    private async Task<GitLabPipeline?> LatestFinishedAsync(long projectId, string branch, CancellationToken cancellationToken)
    {
        await foreach (var p in gitlab.ListPipelinesAsync(projectId, new GitLabPipelineQuery { Ref = branch, OrderBy = "id", Sort = "desc" }, cancellationToken).ConfigureAwait(false))
        {
            if (p.Status is "success" or "failed")
            {
                return p;
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<GitLabJob>> JobsAsync(long projectId, long pipelineId, CancellationToken cancellationToken)
    {
        var list = new List<GitLabJob>();
        await foreach (var job in gitlab.ListPipelineJobsAsync(projectId, pipelineId, null, cancellationToken).ConfigureAwait(false))
        {
            list.Add(job);
        }

        return list;
    }

    private async Task<string?> TraceAsync(long projectId, long jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await gitlab.GetJobTraceAsync(projectId, jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return null;
        }
    }
}
