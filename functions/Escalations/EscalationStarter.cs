using RagnarokOps.Activities.Cases;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Management;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Functions.Escalations;

/// <summary>
/// Starts one escalation per issue: the instance id is the case's, so a redelivery or a second trigger finds it.
/// <c>/ragnarok triage --force</c> on a case that has ended (a duplicate, or a report on a since-fixed policy) purges
/// it and starts the case again; a case still running is never started twice.
/// </summary>
internal sealed class EscalationStarter(EngineClient engine)
{
    /// <summary>The instance id, and whether this call created it (false: it already existed, in whatever state).</summary>
    public async Task<(string InstanceId, bool Created)> StartAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        var instanceId = request.Case.InstanceId;
        if (await engine.Client.GetInstanceAsync(instanceId, cancellationToken) is { } existing)
        {
            if (!request.Force || !IsFinished(existing.RuntimeStatus))
            {
                return (instanceId, false);
            }

            await engine.Client.PurgeInstanceAsync(instanceId, cancellationToken);
        }

        // A case id is never reused, whatever state the earlier case is in: the engine refuses a second start.
        return (instanceId, await InstanceStarts.StartOnceAsync(engine.Client, EscalationOrchestration.Name, instanceId, request, cancellationToken));
    }

    private static bool IsFinished(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
