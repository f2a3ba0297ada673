using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Hosting;

namespace RagnarokOps.Functions.LocalEngine;

/// <summary>host.json's <c>extensions.durableTask</c> as the Azure Storage provider's settings, as the Functions host maps them.</summary>
internal static class TaskHubSettings
{
    public static AzureStorageOrchestrationServiceSettings For(DurableTaskHostSettings durable, TaskHubStorage storage, string? workerId, ILoggerFactory loggers) => new()
    {
        // Leases are held per worker id; the engine's default is the machine name, so two hosts on one machine need their own.
        WorkerId = string.IsNullOrWhiteSpace(workerId) ? Environment.MachineName : workerId,
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
