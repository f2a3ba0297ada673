using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Incidents;
using RagnarokOps.Domain.Incidents;
using RagnarokOps.Orchestrations.Incidents;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>The incident flow's orchestration and activity triggers on Azure Functions: the same classes the local host runs.</summary>
public sealed class IncidentFunctions
{
    [Function(IncidentOrchestration.Name)]
    public Task<IncidentOutcome> IncidentAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IncidentOrchestration().RunAsync(context, context.GetInput<IncidentSignal>()!);

    [Function(ActivityNames.GradeIncident)]
    public Task<object?> GradeIncidentAsync([ActivityTrigger] IncidentSignal input, FunctionContext context) => RunAsync(ActivityNames.GradeIncident, input, context);

    [Function(ActivityNames.FileIncidentIssue)]
    public Task<object?> FileIncidentIssueAsync([ActivityTrigger] IncidentCase input, FunctionContext context) => RunAsync(ActivityNames.FileIncidentIssue, input, context);

    [Function(ActivityNames.WriteIncidentWiki)]
    public Task<object?> WriteIncidentWikiAsync([ActivityTrigger] IncidentIssueRequest input, FunctionContext context) => RunAsync(ActivityNames.WriteIncidentWiki, input, context);

    [Function(ActivityNames.SendIncidentEmail)]
    public Task<object?> SendIncidentEmailAsync([ActivityTrigger] IncidentNotifyRequest input, FunctionContext context) => RunAsync(ActivityNames.SendIncidentEmail, input, context);

    [Function(ActivityNames.SendIncidentChat)]
    public Task<object?> SendIncidentChatAsync([ActivityTrigger] IncidentNotifyRequest input, FunctionContext context) => RunAsync(ActivityNames.SendIncidentChat, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(IncidentActivityRegistry.ActivityTypes[name], name, input, context);
}
