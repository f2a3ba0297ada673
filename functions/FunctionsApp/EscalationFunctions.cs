using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Duplicates;
using RagnarokOps.Activities.Evidence;
using RagnarokOps.Activities.Hotfix;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>
/// The escalation's orchestration and activity triggers on Azure Functions: each runs the same class the local host's
/// worker runs (orchestrations/, activities/), under the same name, so either host can pick up the other's cases.
/// </summary>
public sealed class EscalationFunctions
{
    [Function(EscalationOrchestration.Name)]
    public Task<EscalationOutcome> EscalationAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new EscalationOrchestration().RunAsync(context, context.GetInput<EscalationRequest>()!);

    [Function(ActivityNames.LoadPolicy)]
    public Task<object?> LoadPolicyAsync([ActivityTrigger] CaseRef input, FunctionContext context) => RunAsync(ActivityNames.LoadPolicy, input, context);

    [Function(ActivityNames.NormalizeEscalation)]
    public Task<object?> NormalizeEscalationAsync([ActivityTrigger] CaseRef input, FunctionContext context) => RunAsync(ActivityNames.NormalizeEscalation, input, context);

    [Function(ActivityNames.GatherLogs)]
    public Task<object?> GatherLogsAsync([ActivityTrigger] GatherRequest input, FunctionContext context) => RunAsync(ActivityNames.GatherLogs, input, context);

    [Function(ActivityNames.GatherDeployments)]
    public Task<object?> GatherDeploymentsAsync([ActivityTrigger] GatherRequest input, FunctionContext context) => RunAsync(ActivityNames.GatherDeployments, input, context);

    [Function(ActivityNames.GatherPipelines)]
    public Task<object?> GatherPipelinesAsync([ActivityTrigger] GatherRequest input, FunctionContext context) => RunAsync(ActivityNames.GatherPipelines, input, context);

    [Function(ActivityNames.GatherFlagChanges)]
    public Task<object?> GatherFlagChangesAsync([ActivityTrigger] GatherRequest input, FunctionContext context) => RunAsync(ActivityNames.GatherFlagChanges, input, context);

    [Function(ActivityNames.GatherConfigDrift)]
    public Task<object?> GatherConfigDriftAsync([ActivityTrigger] GatherRequest input, FunctionContext context) => RunAsync(ActivityNames.GatherConfigDrift, input, context);

    [Function(ActivityNames.GatherCommits)]
    public Task<object?> GatherCommitsAsync([ActivityTrigger] GatherRequest input, FunctionContext context) => RunAsync(ActivityNames.GatherCommits, input, context);

    [Function(ActivityNames.ScoreHypotheses)]
    public Task<object?> ScoreHypothesesAsync([ActivityTrigger] ScoreRequest input, FunctionContext context) => RunAsync(ActivityNames.ScoreHypotheses, input, context);

    [Function(ActivityNames.BuildReproPlan)]
    public Task<object?> BuildReproPlanAsync([ActivityTrigger] ReproRequest input, FunctionContext context) => RunAsync(ActivityNames.BuildReproPlan, input, context);

    [Function(ActivityNames.ReplayInStaging)]
    public Task<object?> ReplayInStagingAsync([ActivityTrigger] ReplayRequest input, FunctionContext context) => RunAsync(ActivityNames.ReplayInStaging, input, context);

    [Function(ActivityNames.IssueApprovalLink)]
    public Task<object?> IssueApprovalLinkAsync([ActivityTrigger] ApprovalLinkRequest input, FunctionContext context) => RunAsync(ActivityNames.IssueApprovalLink, input, context);

    [Function(ActivityNames.PublishTriageReport)]
    public Task<object?> PublishTriageReportAsync([ActivityTrigger] TriageReportRequest input, FunctionContext context) => RunAsync(ActivityNames.PublishTriageReport, input, context);

    [Function(ActivityNames.CreateDraftMergeRequest)]
    public Task<object?> CreateDraftMergeRequestAsync([ActivityTrigger] DraftMergeRequestRequest input, FunctionContext context) => RunAsync(ActivityNames.CreateDraftMergeRequest, input, context);

    [Function(ActivityNames.PublishOutcome)]
    public Task<object?> PublishOutcomeAsync([ActivityTrigger] OutcomeRequest input, FunctionContext context) => RunAsync(ActivityNames.PublishOutcome, input, context);

    [Function(ActivityNames.CheckDuplicate)]
    public Task<object?> CheckDuplicateAsync([ActivityTrigger] DuplicateCheckRequest input, FunctionContext context) => RunAsync(ActivityNames.CheckDuplicate, input, context);

    [Function(ActivityNames.CloseCase)]
    public Task<object?> CloseCaseAsync([ActivityTrigger] CloseCaseRequest input, FunctionContext context) => RunAsync(ActivityNames.CloseCase, input, context);

    private static Task<object?> RunAsync(string name, object input, FunctionContext context) =>
        FunctionActivity.RunAsync(EscalationRegistryExtensions.ActivityTypes[name], name, input, context);
}
