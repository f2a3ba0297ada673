namespace RagnarokOps.Functions.Dashboard;

/// <summary>Asks every panel source at once; a source that fails empties its own panel with the reason, not the page.</summary>
internal sealed class DashboardService(
    IIncidentPanelSource incidents, IProbePanelSource probes, ICasePanelSource cases, IPipelinePanelSource pipelines, TimeProvider clock)
{
    public async Task<DashboardSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var i = SafeAsync(incidents.GetAsync(cancellationToken), e => new IncidentPanel([], Failed("incidents", e)));
        var p = SafeAsync(probes.GetAsync(cancellationToken), e => new ProbePanel([], Failed("probes", e)));
        var c = SafeAsync(cases.GetAsync(cancellationToken), e => new CasePanel([], Failed("escalation cases", e)));
        var d = SafeAsync(pipelines.GetAsync(cancellationToken), e => new PipelinePanel([], Failed("pipeline diagnoses", e)));
        return new DashboardSnapshot(clock.GetUtcNow(), await i.ConfigureAwait(false), await p.ConfigureAwait(false), await c.ConfigureAwait(false), await d.ConfigureAwait(false));
    }

    private static string Failed(string panel, Exception e) => $"could not read {panel}: {e.GetType().Name}: {e.Message}";

    private static async Task<T> SafeAsync<T>(Task<T> task, Func<Exception, T> onError)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return onError(e);
        }
    }
}
