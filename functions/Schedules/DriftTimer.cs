using Microsoft.DurableTask.Client;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Functions.Management;
using RagnarokOps.Orchestrations.Environments;

namespace RagnarokOps.Functions.Schedules;

/// <summary>
/// Drift checks on each project's own schedule (envsync.yaml <c>drift.schedule</c>, default hourly): for every watched
/// project (<c>Environments:Projects</c> or <c>Environments:Group</c>) the latest slot due starts one drift check that
/// publishes to the project's tracking issue. A slot slept through (host down) still runs once when the host is back.
/// </summary>
internal sealed class DriftTimer(EnvironmentRunner runner, EnvironmentGitLab reader) : IScheduledJob
{
    public const string JobName = "DriftSchedule";

    public string Name => JobName;

    public async Task<ScheduleTick> TickAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> projects;
        try
        {
            projects = await runner.ProjectsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return new ScheduleTick(Name, [], [$"no drift checks: {ex.Message.Replace("--all-projects needs", "the drift timer needs", StringComparison.Ordinal)}"]);
        }

        var results = await runner.ForEachProjectAsync(projects, (p, ct) => TickProjectAsync(client, p, now, ct), cancellationToken).ConfigureAwait(false);
        return new ScheduleTick(Name, [.. results.Where(r => r.Started).Select(r => r.Text)], [.. results.Where(r => !r.Started).Select(r => r.Text)]);
    }

    /// <summary>The instance id of a project's drift check for one slot.</summary>
    public static string InstanceId(string project, DateTimeOffset slot) => $"drift-{InstanceStarts.Key(project)}-{InstanceStarts.Slot(slot)}";

    private async Task<(bool Started, string Text)> TickProjectAsync(DurableTaskClient client, string project, DateTimeOffset now, CancellationToken cancellationToken)
    {
        TopologyLoad load;
        try
        {
            load = await reader.LoadTopologyAsync(project, cancellationToken).ConfigureAwait(false);
        }
        catch (Connectors.GitLab.GitLabApiException ex)
        {
            return (false, $"{project}: no drift check: GitLab answered {(int)ex.StatusCode} reading the topology");
        }

        if (load.Topology is not { } topology)
        {
            return (false, $"{project}: no drift check: {string.Join("; ", load.Errors)}");
        }

        if (topology.Links().Count == 0)
        {
            return (false, $"{project}: no drift check: fewer than two environments in the chain ({topology.Notice ?? topology.Source})");
        }

        if (DriftSchedule.LatestDue(topology.Drift.Schedule, now) is not { } slot)
        {
            return (false, $"{project}: no drift check: drift.schedule '{topology.Drift.Schedule}' had no occurrence in the past year");
        }

        var id = InstanceId(project, slot);
        var started = await InstanceStarts.StartOnceAsync(client, DriftCheckOrchestration.Name, id, new DriftCheckRequest(project, Publish: true), cancellationToken).ConfigureAwait(false);
        return started ? (true, $"{project}: drift check for {slot:u} ({id})") : (false, $"{project}: the drift check for {slot:u} already ran ({id})");
    }
}
