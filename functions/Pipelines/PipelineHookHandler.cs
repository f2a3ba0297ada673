using Microsoft.Extensions.Logging;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.Management;
using RagnarokOps.Orchestrations.Pipelines;

namespace RagnarokOps.Functions.Pipelines;

/// <summary>A failed pipeline's hook starts its triage once: a redelivery (or GitLab's retried delivery) finds the instance.</summary>
internal sealed partial class PipelineHookHandler(EngineClient engine, ILogger<PipelineHookHandler> logger)
{
    public async Task<bool> StartAsync(PipelineTriageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = await InstanceStarts.StartOnceAsync(engine.Client, PipelineTriageOrchestration.Name, request.InstanceId, request, cancellationToken);
        Started(logger, request.InstanceId, started ? "started" : "already exists; not started again");
        return started;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Pipeline triage {InstanceId} {What}")]
    private static partial void Started(ILogger logger, string instanceId, string what);
}
