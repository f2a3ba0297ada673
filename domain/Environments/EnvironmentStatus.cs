namespace RagnarokOps.Domain.Environments;

/// <summary>A short reference to a commit, as reports show it.</summary>
public sealed record CommitRef(string Sha, string Title, string? Author, DateTimeOffset? At, string? WebUrl)
{
    public string ShortSha => Sha.Length > 8 ? Sha[..8] : Sha;
}

/// <summary>The last pipeline of a branch; <see cref="FailedJobs"/> names the jobs that failed (allowed failures excluded).</summary>
public sealed record PipelineSummary(long Id, string Status, string Sha, string? WebUrl, DateTimeOffset? At, IReadOnlyList<string> FailedJobs)
{
    /// <summary>Red: the pipeline ended without succeeding (failed or canceled).</summary>
    public bool IsRed => Status is "failed" or "canceled";
}

/// <summary>The last deployment to an environment.</summary>
public sealed record DeploymentSummary(long Id, string Sha, string Status, DateTimeOffset? At, string? WebUrl);

/// <summary>What GitLab says about one environment branch. <see cref="Problem"/> says why a part is missing.</summary>
public sealed record BranchState(
    string Environment,
    string Branch,
    CommitRef? Head,
    PipelineSummary? Pipeline,
    DeploymentSummary? Deployment,
    string? Problem);

/// <summary>Commits between an environment and the next one: <see cref="Ahead"/> wait to be promoted, <see cref="Behind"/> exist only downstream.</summary>
public sealed record ChainGap(string From, string To, int Ahead, int Behind, string? Problem = null);

/// <summary>One line of the status table.</summary>
public sealed record EnvironmentStatusRow(
    string Environment,
    string Branch,
    bool Protected,
    CommitRef? Head,
    PipelineSummary? Pipeline,
    DeploymentSummary? Deployment,
    TimeSpan? DeploymentAge,
    string? Next,
    int? Ahead,
    int? Behind,
    IReadOnlyList<string> Problems);

/// <summary>The status of every environment of one project, in promotion order.</summary>
public sealed record EnvironmentStatusReport(string Project, string Source, string? Notice, IReadOnlyList<EnvironmentStatusRow> Environments, DateTimeOffset At)
{
    /// <summary>Builds the rows from what was read, in promotion order; anything missing keeps its reason.</summary>
    public static EnvironmentStatusReport Build(string project, EnvironmentTopology topology, IReadOnlyList<BranchState> states, IReadOnlyList<ChainGap> gaps, DateTimeOffset now)
    {
        var rows = new List<EnvironmentStatusRow>();
        foreach (var env in topology.Ordered())
        {
            var state = states.FirstOrDefault(s => s.Environment == env.Name);
            var next = topology.Next(env.Name);
            var gap = next is null ? null : gaps.FirstOrDefault(g => g.From == env.Name && g.To == next.Name);
            var problems = new List<string>();
            if (state is null)
            {
                problems.Add("not read");
            }
            else if (state.Problem is not null)
            {
                problems.Add(state.Problem);
            }

            if (gap?.Problem is { } gapProblem)
            {
                problems.Add(gapProblem);
            }

            var deployedAt = state?.Deployment?.At;
            rows.Add(new EnvironmentStatusRow(
                env.Name, env.Branch, env.Protected, state?.Head, state?.Pipeline, state?.Deployment,
                deployedAt is { } at ? now - at : null, next?.Name,
                gap?.Problem is null ? gap?.Ahead : null, gap?.Problem is null ? gap?.Behind : null, problems));
        }

        return new EnvironmentStatusReport(project, topology.Source, topology.Notice, rows, now);
    }
}
