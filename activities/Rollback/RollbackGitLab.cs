using System.Net;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Rollback;

namespace RagnarokOps.Activities.Rollback;

/// <summary>
/// Reads what a rollback needs from GitLab: the environment's deployments (current, last known-good with a green
/// pipeline), the commits between them with their diffs, and the Rollback Guardian's assessment of them.
/// </summary>
public sealed class RollbackGitLab(IGitLabClient gitlab, EnvironmentGitLab environments)
{
    public async Task<RollbackPlan> PlanAsync(string project, string environmentName, CancellationToken cancellationToken)
    {
        var load = await environments.LoadTopologyAsync(project, cancellationToken).ConfigureAwait(false);
        if (load.Topology is not { } topology)
        {
            return Refuse(load.Project, environmentName, "", false, $"the topology is invalid: {string.Join("; ", load.Errors)}");
        }

        var env = topology.Find(environmentName);
        if (env is null)
        {
            return Refuse(load.Project, environmentName, "", false, $"'{environmentName}' is not an environment of {topology.Source} ({string.Join(", ", topology.Environments.Select(e => e.Name))})");
        }

        var deployments = new List<DeploymentRef>();
        await foreach (var d in gitlab.ListDeploymentsAsync(project, new GitLabDeploymentQuery { Environment = env.GitLabEnvironment, OrderBy = "id", Sort = "desc" }, cancellationToken).ConfigureAwait(false))
        {
            deployments.Add(new DeploymentRef(d.Id, d.Sha, d.Status ?? "unknown", d.Deployable?.FinishedAt ?? d.UpdatedAt ?? d.CreatedAt,
                await PipelineStatusAsync(project, d.Deployable?.Pipeline, cancellationToken).ConfigureAwait(false)));
            if (deployments.Count >= 50)
            {
                break;
            }
        }

        var current = deployments.Where(d => d.Status == "success").MaxBy(d => d.Id);
        if (current is null)
        {
            return Refuse(load.Project, env.Name, env.Branch, env.Protected, $"no successful deployment to GitLab environment {env.GitLabEnvironment}");
        }

        var target = RollbackRules.LastKnownGood(deployments, current);
        if (target is null)
        {
            return Refuse(load.Project, env.Name, env.Branch, env.Protected, $"no successful deployment with a green pipeline before #{current.Id}", current);
        }

        GitLabCompareResult compare;
        try
        {
            compare = await gitlab.CompareAsync(project, target.Sha, env.Branch, straight: false, cancellationToken).ConfigureAwait(false);
        }
        catch (GitLabApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return Refuse(load.Project, env.Name, env.Branch, env.Protected, $"cannot compare {RollbackAssessment.Short(target.Sha)} with {env.Branch}: {(int)ex.StatusCode} {ex.GitLabMessage}", current, target);
        }

        // Newest first: the order the reverts apply in.
        var commits = compare.Commits.Reverse().Select(c => new UndoneCommit(c.Id, c.Title, c.AuthorName)).ToList();
        if (commits.Count == 0)
        {
            return Refuse(load.Project, env.Name, env.Branch, env.Protected, $"{env.Branch} has nothing since the known-good deployment #{target.Id}", current, target);
        }

        var files = new List<UndoneFile>();
        foreach (var commit in commits.Take(topology.Rollback.MaxCommits))
        {
            await foreach (var diff in gitlab.GetCommitDiffAsync(project, commit.Sha, cancellationToken).ConfigureAwait(false))
            {
                files.Add(new UndoneFile(commit.Sha, diff.NewPath, diff.Diff, diff.DeletedFile));
            }
        }

        var assessment = RollbackAssessment.Assess(MigrationScanner.Scan(files), commits.Count, topology.Rollback.MaxCommits);
        var (needed, why) = RollbackRules.ApprovalFor(env, topology.Rollback, assessment);
        var refusal = commits.Count > topology.Rollback.MaxCommits ? $"it would undo {commits.Count} commits, more than rollback.max_commits ({topology.Rollback.MaxCommits})" : null;
        return new RollbackPlan(load.Project, env.Name, env.Branch, env.Protected, current, target, commits, assessment, needed, why, refusal);
    }

    private async Task<string?> PipelineStatusAsync(string project, GitLabPipelineRef? pipeline, CancellationToken cancellationToken)
    {
        if (pipeline is null)
        {
            return null;
        }

        if (pipeline.Status is "success" or "failed" or "canceled")
        {
            return pipeline.Status;
        }

        try
        {
            return (await gitlab.GetPipelineAsync(project, pipeline.Id, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (GitLabApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static RollbackPlan Refuse(string project, string env, string branch, bool isProtected, string why, DeploymentRef? current = null, DeploymentRef? target = null) =>
        new(project, env, branch, isProtected, current, target, [], RollbackAssessment.Assess([], 0, int.MaxValue), false, "", why);
}
