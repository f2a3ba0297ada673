using Microsoft.Extensions.Options;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Environments;

namespace RagnarokOps.Activities.Environments;

/// <summary>
/// Runs status, drift-check and promote directly, without the durable engine, for the CLI and the read-only query
/// endpoints. Same steps, same domain decisions as the orchestrations in orchestrations/Environments, so both
/// answer alike; the orchestrations add retries, durability and the engine's fan-out.
/// </summary>
public sealed class EnvironmentRunner(EnvironmentGitLab reader, EnvironmentWrites writes, IGitLabClient gitlab, IOptions<EnvironmentOptions> options, TimeProvider time)
{
    public async Task<EnvStatusOutcome> StatusAsync(string project, CancellationToken cancellationToken)
    {
        try
        {
            var load = await reader.LoadTopologyAsync(project, cancellationToken).ConfigureAwait(false);
            if (load.Topology is not { } topology)
            {
                return new EnvStatusOutcome(load.Project, null, load.Errors);
            }

            var states = Task.WhenAll(topology.Environments.Select(e => reader.ReadBranchAsync(project, e, cancellationToken)));
            var gaps = Task.WhenAll(topology.Links().Select(l => reader.CompareAsync(project, l.From, l.To, cancellationToken)));
            var report = EnvironmentStatusReport.Build(load.Project, topology, await states.ConfigureAwait(false), await gaps.ConfigureAwait(false), time.GetUtcNow());
            return new EnvStatusOutcome(load.Project, report, []);
        }
        catch (GitLabApiException ex)
        {
            return new EnvStatusOutcome(project, null, [Problem(ex)]);
        }
    }

    public async Task<DriftCheckOutcome> DriftCheckAsync(string project, bool publish, CancellationToken cancellationToken)
    {
        try
        {
            var load = await reader.LoadTopologyAsync(project, cancellationToken).ConfigureAwait(false);
            if (load.Topology is not { } topology)
            {
                return new DriftCheckOutcome(load.Project, null, null, load.Errors);
            }

            var links = await Task.WhenAll(topology.Links().Select(l => reader.ReadDriftAsync(project, l.From, l.To, topology.Drift, cancellationToken))).ConfigureAwait(false);
            var report = new DriftReport(load.Project, topology.Source, topology.Notice, links, time.GetUtcNow());
            var issue = publish ? await writes.PublishDriftIssueAsync(report, cancellationToken).ConfigureAwait(false) : null;
            return new DriftCheckOutcome(load.Project, report, issue, []);
        }
        catch (GitLabApiException ex)
        {
            return new DriftCheckOutcome(project, null, null, [Problem(ex)]);
        }
    }

    public async Task<PromoteOutcome> PromoteAsync(string project, string? fromName, CancellationToken cancellationToken)
    {
        try
        {
            var load = await reader.LoadTopologyAsync(project, cancellationToken).ConfigureAwait(false);
            if (load.Topology is not { } topology)
            {
                return new PromoteOutcome(load.Project, fromName, null, false, "the topology is invalid", null, load.Errors);
            }

            var (from, to, refusal) = Promotion.Resolve(topology, fromName);
            if (refusal is not null)
            {
                return new PromoteOutcome(load.Project, from?.Name ?? fromName, null, false, refusal, null, []);
            }

            var state = reader.ReadBranchAsync(project, from!, cancellationToken);
            var gap = reader.CompareAsync(project, from!, to!, cancellationToken);
            var drift = reader.ReadDriftAsync(project, from!, to!, topology.Drift, cancellationToken);
            var decision = Promotion.Decide(from!, to!, await state.ConfigureAwait(false), (await gap.ConfigureAwait(false)).Ahead);
            if (!decision.Allowed)
            {
                return new PromoteOutcome(load.Project, from!.Name, to!.Name, false, decision.Reason, null, []);
            }

            var mr = await writes.OpenPromotionAsync(new PromotionRequest(project, from!, to!, await state.ConfigureAwait(false), await drift.ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            return new PromoteOutcome(load.Project, from!.Name, to!.Name, true, decision.Reason, mr, []);
        }
        catch (GitLabApiException ex)
        {
            return new PromoteOutcome(project, fromName, null, false, Problem(ex), null, [Problem(ex)]);
        }
    }

    /// <summary>The projects <c>--all-projects</c> means: <c>Environments:Projects</c>, else the projects of <c>Environments:Group</c>.</summary>
    /// <exception cref="InvalidOperationException">Neither setting is configured.</exception>
    public async Task<IReadOnlyList<string>> ProjectsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.Projects))
        {
            return [.. settings.Projects.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        if (!string.IsNullOrWhiteSpace(settings.Group))
        {
            var list = new List<string>();
            await foreach (var p in gitlab.ListGroupProjectsAsync(settings.Group, cancellationToken).ConfigureAwait(false))
            {
                list.Add(p.PathWithNamespace);
            }

            return [.. list.Order(StringComparer.Ordinal)];
        }

        throw new InvalidOperationException("--all-projects needs the setting Environments:Projects (a comma list of project ids or paths) or Environments:Group (a GitLab group); neither is set");
    }

    /// <summary>Runs <paramref name="run"/> for every project, a few at a time, answers in the order given.</summary>
    public async Task<IReadOnlyList<T>> ForEachProjectAsync<T>(IReadOnlyList<string> projects, Func<string, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(run);
        var results = new T[projects.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, projects.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await run(projects[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private static string Problem(GitLabApiException ex) => $"GitLab answered {(int)ex.StatusCode} to {ex.Method} {ex.Path}{(ex.GitLabMessage is null ? "" : $": {ex.GitLabMessage}")}";
}
