using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>Runs a class-based activity (created from the invocation's services) for an Azure Functions activity trigger.</summary>
internal static class FunctionActivity
{
    public static Task<object?> RunAsync(Type activityType, string name, object input, FunctionContext context)
    {
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(context.InstanceServices, activityType);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
        return activity.RunAsync(new Context(name, instanceId), input);
    }

    private sealed class Context(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
