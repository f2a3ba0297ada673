using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Incidents;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>
/// Open incidents as GitLab holds them: the open issues labelled <c>incident</c> in the projects the host watches
/// (<c>Ragnarok:Probes:Projects</c> and <c>Environments:Projects</c>), newest first, severity and service from their labels.
/// </summary>
internal sealed class GitLabIncidentSource(IConfiguration configuration, IGitLabClient gitlab) : IIncidentPanelSource
{
    public async Task<IncidentPanel> GetAsync(CancellationToken cancellationToken)
    {
        var projects = new[] { "Ragnarok:Probes:Projects", "Environments:Projects" }
            .SelectMany(key => (configuration[key] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (projects.Count == 0)
        {
            return new IncidentPanel([], "no project to watch: set Ragnarok:Probes:Projects (or Environments:Projects)");
        }

        var rows = new List<IncidentRow>();
        foreach (var project in projects)
        {
            var query = new GitLabIssueQuery { Labels = IncidentRenderer.IncidentLabel, State = "opened" };
            await foreach (var issue in gitlab.ListIssuesAsync((GitLabProjectId)project, query, cancellationToken).ConfigureAwait(false))
            {
                var severity = issue.Labels.FirstOrDefault(l => l.StartsWith("severity::", StringComparison.Ordinal))?["severity::".Length..] ?? "?";
                var service = issue.Labels.FirstOrDefault(l => l != IncidentRenderer.IncidentLabel && !l.Contains("::", StringComparison.Ordinal)) ?? project;
                rows.Add(new IncidentRow(issue.Iid, issue.Title, severity, service, issue.WebUrl, issue.CreatedAt ?? DateTimeOffset.MinValue,
                    await OccurrencesAsync(project, issue.Iid, cancellationToken).ConfigureAwait(false)));
            }
        }

        return new IncidentPanel(
            [.. rows.OrderByDescending(r => r.OpenedAt)],
            rows.Count == 0 ? $"no open incident in {string.Join(", ", projects)}" : null);
    }

    /// <summary>The highest count a repeat note recorded; 1 when the incident has not repeated.</summary>
    private async Task<int> OccurrencesAsync(string project, long iid, CancellationToken cancellationToken)
    {
        var count = 1;
        await foreach (var note in gitlab.ListIssueNotesAsync((GitLabProjectId)project, iid, cancellationToken).ConfigureAwait(false))
        {
            count = Math.Max(count, IncidentMarkers.ReadCount(note.Body) ?? 1);
        }

        return count;
    }
}
