using Microsoft.DurableTask;

namespace RagnarokOps.Activities.Cases;

/// <summary>Typed calls for the case activities, so orchestrators never spell a name or a type twice.</summary>
public static class CaseCalls
{
    public static Task<CasePolicy> CallLoadPolicyAsync(this TaskOrchestrationContext context, CaseRef input, TaskOptions? options = null) =>
        context.CallActivityAsync<CasePolicy>(ActivityNames.LoadPolicy, input, options);

    public static Task<CaseFile> CallNormalizeEscalationAsync(this TaskOrchestrationContext context, CaseRef input, TaskOptions? options = null) =>
        context.CallActivityAsync<CaseFile>(ActivityNames.NormalizeEscalation, input, options);
}
