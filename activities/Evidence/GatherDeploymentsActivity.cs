using Microsoft.Extensions.Logging;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Evidence;
using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Evidence;

/// <summary>
/// Successful deployments to the case's environment in the window (or the one live when the window has none),
/// each with the commits it carried: the compare between it and the deployment before it.
/// </summary>
[DurableTask(ActivityNames.GatherDeployments)]
internal sealed class GatherDeploymentsActivity(IGitLabClient gitlab, ILogger<GatherDeploymentsActivity> logger) : TaskActivity<GatherRequest, SourceResult<DeploymentEvidence>>
{
    internal const int MaxCommitsPerDeployment = 200;

    public override async Task<SourceResult<DeploymentEvidence>> RunAsync(TaskActivityContext context, GatherRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        var environment = caseFile.Environment ?? "production";
        try
        {
            var all = new List<GitLabDeployment>();
            var query = new GitLabDeploymentQuery { Environment = environment, Status = "success", UpdatedBefore = caseFile.Window.To };
            await foreach (var deployment in gitlab.ListDeploymentsAsync(caseFile.Case.ProjectId, query, CancellationToken.None))
            {
                all.Add(deployment);
            }

            var ordered = all.OrderBy(FinishedAt).ToList();
            var picked = Enumerable.Range(0, ordered.Count).Where(i => caseFile.Window.Contains(FinishedAt(ordered[i]))).ToList();
            if (picked.Count == 0 && ordered.Count > 0 && FinishedAt(ordered[^1]) < caseFile.Window.From)
            {
                picked.Add(ordered.Count - 1);
            }

            var items = new List<DeploymentEvidence>();
            foreach (var i in picked)
            {
                var d = ordered[i];
                var shas = i > 0 ? await CarriedAsync(caseFile.Case.ProjectId, ordered[i - 1].Sha, d.Sha) : [d.Sha];
                items.Add(new DeploymentEvidence(
                    d.Id, d.Environment?.Name ?? environment, d.Sha, d.Ref, d.Status ?? "success",
                    d.CreatedAt ?? FinishedAt(d), d.Deployable?.FinishedAt ?? d.UpdatedAt, d.Deployable?.WebUrl, shas));
            }

            return new SourceResult<DeploymentEvidence>(items, null);
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            var missing = ExpectedFailures.Missing("deployments", ex);
            Log.EvidenceMissing(logger, missing.Source, caseFile.Case.InstanceId, missing.Reason);
            return SourceResult<DeploymentEvidence>.Absent(missing);
        }
    }

    private async Task<IReadOnlyList<string>> CarriedAsync(long projectId, string previousSha, string sha)
    {
        if (string.Equals(previousSha, sha, StringComparison.Ordinal))
        {
            return [];
        }

        var compare = await gitlab.CompareAsync(projectId, previousSha, sha, straight: false, CancellationToken.None);
        return compare.Commits.Select(c => c.Id).Reverse().Take(MaxCommitsPerDeployment).ToList();
    }

    private static DateTimeOffset FinishedAt(GitLabDeployment d) =>
        d.Deployable?.FinishedAt ?? d.UpdatedAt ?? d.CreatedAt ?? DateTimeOffset.MinValue;
}
