namespace RagnarokOps.Functions.Dashboard;

/// <summary>The open incidents panel. A source that has nothing answers an empty panel with the reason.</summary>
public interface IIncidentPanelSource
{
    Task<IncidentPanel> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The probe panel: status per target and its recent latency/error points.</summary>
public interface IProbePanelSource
{
    Task<ProbePanel> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The open escalation cases panel.</summary>
public interface ICasePanelSource
{
    Task<CasePanel> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The recent pipeline diagnoses panel.</summary>
public interface IPipelinePanelSource
{
    Task<PipelinePanel> GetAsync(CancellationToken cancellationToken);
}
