using RagnarokOps.Connectors.Probes;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>
/// The probe panel from the probe history the rounds write (Azure Tables): per target of <c>Ragnarok:Probes:Targets</c>
/// its latest rows, oldest first for the chart, and its status from the newest row and the flap state.
/// </summary>
internal sealed class ProbeHistorySource(IConfiguration configuration, IProbeHistory history) : IProbePanelSource
{
    private const int Points = 60;

    public async Task<ProbePanel> GetAsync(CancellationToken cancellationToken)
    {
        var set = ProbeTargetSettings.Read(configuration);
        if (set.Targets.Count == 0)
        {
            var why = set.Problems.Count > 0 ? string.Join("; ", set.Problems) : NotConfiguredProbeSource.Reason;
            return new ProbePanel([], why);
        }

        var rows = await Task.WhenAll(set.Targets.Select(async target =>
        {
            var latest = await history.LatestAsync(target.Name, Points, cancellationToken).ConfigureAwait(false);
            var points = latest.Reverse().Select(e => new ProbePoint(e.RoundAt, e.Result.LatencyMs, e.Result.Ok)).ToList();
            var newest = latest.Count > 0 ? latest[0] : null;
            var status = newest is null ? "unknown" : newest.State.Open ? "down" : newest.Result.Ok ? "up" : "degraded";
            return new ProbeRow(target.Name, target.Kind.ToString().ToLowerInvariant(), status, newest?.Result.LatencyMs, points);
        })).ConfigureAwait(false);
        return new ProbePanel(rows, rows.All(r => r.Points.Count == 0) ? "no probe round has run yet" : null);
    }
}
