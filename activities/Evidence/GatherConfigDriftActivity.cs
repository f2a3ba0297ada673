using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Domain.Evidence;

namespace RagnarokOps.Activities.Evidence;

/// <summary>
/// Config drift as a candidate cause: the unexpected differences a drift check finds (envsync.yaml topology, each
/// environment against its predecessor), for the case's environment when it is in the chain, else for all, whose
/// introducing commit falls in the case's window. Values of secret-looking keys arrive redacted from the drift check.
/// </summary>
[DurableTask(ActivityNames.GatherConfigDrift)]
internal sealed class GatherConfigDriftActivity(EnvironmentGitLab environments, ILogger<GatherConfigDriftActivity> logger)
    : TaskActivity<GatherRequest, SourceResult<ConfigDriftEvidence>>
{
    private const string Source = "config drift";

    public override async Task<SourceResult<ConfigDriftEvidence>> RunAsync(TaskActivityContext context, GatherRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseFile = input.Case;
        var project = caseFile.Case.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var load = await environments.LoadTopologyAsync(project, CancellationToken.None);
            if (load.Topology is not { } topology)
            {
                return Absent(caseFile, $"no {Source}: the environment topology is invalid: {string.Join("; ", load.Errors)}");
            }

            var links = topology.Links();
            if (links.Count == 0)
            {
                return Absent(caseFile, $"no {Source}: fewer than two environments to compare ({topology.Notice ?? topology.Source})");
            }

            var relevant = links.Where(l => string.Equals(l.To.Name, caseFile.Environment, StringComparison.OrdinalIgnoreCase)).ToList();
            var drift = await Task.WhenAll((relevant.Count > 0 ? relevant : links).Select(l =>
                environments.ReadDriftAsync(project, l.From, l.To, topology.Drift, CancellationToken.None)));
            return new SourceResult<ConfigDriftEvidence>([.. drift.SelectMany(d => Evidence(d, caseFile.Window))], null);
        }
        catch (GitLabApiException ex) when (ExpectedFailures.IsExpected(ex))
        {
            return Absent(caseFile, ExpectedFailures.Missing(Source, ex).Reason);
        }
    }

    private static IEnumerable<ConfigDriftEvidence> Evidence(LinkDrift link, TimeWindow window) =>
        link.Unexpected
            .Where(f => f.IntroducedBy?.At is { } at && window.Contains(at))
            .Select(f => new ConfigDriftEvidence(link.To, f.Path, f.Key ?? f.Path, f.BaseValue, f.Value, f.IntroducedBy!.At!.Value, f.IntroducedBy.WebUrl));

    private SourceResult<ConfigDriftEvidence> Absent(CaseFile caseFile, string reason)
    {
        Log.EvidenceMissing(logger, Source, caseFile.Case.InstanceId, reason);
        return SourceResult<ConfigDriftEvidence>.Absent(new MissingEvidence(Source, reason));
    }
}
