using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Domain.Environments;
using RagnarokOps.Orchestrations.Environments;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>The environment operations' orchestration and activity triggers on Azure Functions: the same classes the local host runs.</summary>
public sealed class EnvironmentFunctions
{
    [Function(EnvStatusOrchestration.Name)]
    public Task<EnvStatusOutcome> EnvStatusAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EnvStatusOrchestration().RunAsync(context, context.GetInput<ProjectRequest>()!);

    [Function(DriftCheckOrchestration.Name)]
    public Task<DriftCheckOutcome> DriftCheckAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DriftCheckOrchestration().RunAsync(context, context.GetInput<DriftCheckRequest>()!);

    [Function(PromoteOrchestration.Name)]
    public Task<PromoteOutcome> PromoteAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PromoteOrchestration().RunAsync(context, context.GetInput<PromoteRequest>()!);

    [Function(EnvsyncCommandOrchestration.Name)]
    public Task<EnvsyncOutcome> EnvsyncCommandAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EnvsyncCommandOrchestration().RunAsync(context, context.GetInput<EnvsyncCommand>()!);

    [Function(ActivityNames.AnswerEnvsync)]
    public Task<object?> AnswerEnvsyncAsync([ActivityTrigger] EnvsyncAnswerRequest input, FunctionContext context) => RunAsync(ActivityNames.AnswerEnvsync, input, context);

    [Function(ActivityNames.LoadTopology)]
    public Task<object?> LoadTopologyAsync([ActivityTrigger] ProjectRequest input, FunctionContext context) => RunAsync(ActivityNames.LoadTopology, input, context);

    [Function(ActivityNames.ReadEnvironmentBranch)]
    public Task<object?> ReadEnvironmentBranchAsync([ActivityTrigger] BranchRequest input, FunctionContext context) => RunAsync(ActivityNames.ReadEnvironmentBranch, input, context);

    [Function(ActivityNames.CompareEnvironments)]
    public Task<object?> CompareEnvironmentsAsync([ActivityTrigger] LinkRequest input, FunctionContext context) => RunAsync(ActivityNames.CompareEnvironments, input, context);

    [Function(ActivityNames.ReadLinkDrift)]
    public Task<object?> ReadLinkDriftAsync([ActivityTrigger] LinkDriftRequest input, FunctionContext context) => RunAsync(ActivityNames.ReadLinkDrift, input, context);

    [Function(ActivityNames.PublishDriftIssue)]
    public Task<object?> PublishDriftIssueAsync([ActivityTrigger] DriftReport input, FunctionContext context) => RunAsync(ActivityNames.PublishDriftIssue, input, context);

    [Function(ActivityNames.OpenPromotion)]
    public Task<object?> OpenPromotionAsync([ActivityTrigger] PromotionRequest input, FunctionContext context) => RunAsync(ActivityNames.OpenPromotion, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(EnvironmentActivityRegistry.ActivityTypes[name], name, input, context);
}
