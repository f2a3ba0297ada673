using RagnarokOps.Activities.Probes;
using RagnarokOps.Connectors.Probes;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Functions.Dashboard;

/// <summary>
/// The probe panel from the probe history the rounds write (Azure Tables): per target of <c>Ragnarok:Probes:Targets</c>
/// and of the policies of <c>Ragnarok:Probes:Projects</c>, its latest rows, oldest first for the chart, and its status
/// from the newest row and the flap state.
/// </summary>
internal sealed class ProbeHistorySource(IConfiguration configuration, IProbeHistory history, IServiceProvider services, TimeProvider clock) : IProbePanelSource
{
    private const int Points = 60;

    // The page polls every few seconds; the policies are read from GitLab at most this often.
    private static readonly TimeSpan PolicyCache = TimeSpan.FromSeconds(30);
    private (DateTimeOffset At, ProbeTargetSet Set)? _targets;

    public async Task<ProbePanel> GetAsync(CancellationToken cancellationToken)
    {
        var set = await TargetsAsync(cancellationToken).ConfigureAwait(false);
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

    private async Task<ProbeTargetSet> TargetsAsync(CancellationToken cancellationToken)
    {
        if (ProbeTargetSettings.Projects(configuration).Count == 0)
        {
            return ProbeTargetSettings.Read(configuration);
        }

        if (_targets is { } cached && clock.GetUtcNow() - cached.At < PolicyCache)
        {
            return cached.Set;
        }

        var set = await new PolicyProbeTargets(configuration, services).ReadAsync(cancellationToken).ConfigureAwait(false);
        _targets = (clock.GetUtcNow(), set);
        return set;
    }
}
