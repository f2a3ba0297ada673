using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Probes;
using RagnarokOps.Domain.Probes;
using RagnarokOps.Orchestrations.Probes;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>The probe round's orchestration and activity triggers on Azure Functions: the same classes the local host runs.</summary>
public sealed class ProbeFunctions
{
    [Function(ProbeRoundOrchestration.Name)]
    public Task<ProbeRoundSummary> ProbeRoundAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ProbeRoundOrchestration().RunAsync(context, context.GetInput<ProbeRoundRequest>()!);

    [Function(ActivityNames.LoadProbeTargets)]
    public Task<object?> LoadProbeTargetsAsync([ActivityTrigger] ProbeRoundRequest input, FunctionContext context) => RunAsync(ActivityNames.LoadProbeTargets, input, context);

    [Function(ActivityNames.ReadProbeStates)]
    public Task<object?> ReadProbeStatesAsync([ActivityTrigger] List<string> input, FunctionContext context) => RunAsync(ActivityNames.ReadProbeStates, input, context);

    [Function(ActivityNames.RunProbe)]
    public Task<object?> RunProbeAsync([ActivityTrigger] ProbeTarget input, FunctionContext context) => RunAsync(ActivityNames.RunProbe, input, context);

    [Function(ActivityNames.AppendProbeHistory)]
    public Task<object?> AppendProbeHistoryAsync([ActivityTrigger] List<ProbeHistoryEntry> input, FunctionContext context) => RunAsync(ActivityNames.AppendProbeHistory, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(ProbeActivityRegistry.ActivityTypes[name], name, input, context);
}
