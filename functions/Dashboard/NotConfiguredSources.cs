namespace RagnarokOps.Functions.Dashboard;

/// <summary>Stands in until incidents are wired: an empty panel that says so.</summary>
internal sealed class NotConfiguredIncidentSource : IIncidentPanelSource
{
    public const string Reason = "incidents are not configured on this host: no incident source is registered";

    public Task<IncidentPanel> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new IncidentPanel([], Reason));
}

/// <summary>Stands in until probes are wired: an empty panel that says so.</summary>
internal sealed class NotConfiguredProbeSource : IProbePanelSource
{
    public const string Reason = "no probe targets configured: set Ragnarok:Probes:Targets:0:Name, :Kind and :Url";

    public Task<ProbePanel> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new ProbePanel([], Reason));
}
