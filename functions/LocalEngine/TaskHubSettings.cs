using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.LocalEngine;

/// <summary>host.json's <c>extensions.durableTask</c> as the Azure Storage provider's settings, as the Functions host maps them.</summary>
internal static class TaskHubSettings
{
    public static AzureStorageOrchestrationServiceSettings For(DurableTaskHostSettings durable, TaskHubStorage storage, ILoggerFactory loggers) => new()
    {
        TaskHubName = durable.HubName,
        StorageAccountClientProvider = storage.CreateProvider(),
        PartitionCount = durable.PartitionCount,
        MaxQueuePollingInterval = durable.MaxQueuePollingInterval,
        WorkItemQueueVisibilityTimeout = durable.WorkItemQueueVisibilityTimeout,
        ControlQueueVisibilityTimeout = durable.ControlQueueVisibilityTimeout,
        ExtendedSessionsEnabled = durable.ExtendedSessionsEnabled,
        MaxConcurrentTaskActivityWorkItems = durable.MaxConcurrentActivityFunctions,
        MaxConcurrentTaskOrchestrationWorkItems = durable.MaxConcurrentOrchestratorFunctions,
        LoggerFactory = loggers,
    };
}
