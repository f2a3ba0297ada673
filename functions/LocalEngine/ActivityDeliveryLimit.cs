using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace RagnarokOps.Functions.LocalEngine;

/// <summary>
/// The poison cut-off for activity messages. The queue counts deliveries itself (the provider reports it as
/// <see cref="TaskActivityWorkItem.DeliveryAttempt"/>), so the count survives the crashes it is about.
/// </summary>
internal sealed partial class ActivityDeliveryLimit(int maxDeliveries, ILogger<ActivityDeliveryLimit> log)
{
    public const string ErrorType = "ActivityDeliveryLimitExceeded";

    private readonly ConcurrentDictionary<string, byte> _cutOff = new(StringComparer.Ordinal);

    public int MaxDeliveries { get; } = maxDeliveries >= 1
        ? maxDeliveries
        : throw new ArgumentOutOfRangeException(nameof(maxDeliveries), maxDeliveries, "at least one delivery");

    /// <summary>The failure to answer instead of running the activity once more, or null while it is within the limit.</summary>
    public TaskMessage? FailureFor(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        if (workItem.DeliveryAttempt is not { } attempt || attempt <= MaxDeliveries
            || workItem.TaskMessage?.Event is not TaskScheduledEvent scheduled)
        {
            return null;
        }

        var instance = workItem.TaskMessage.OrchestrationInstance;
        var reason = $"activity '{scheduled.Name}' of instance {instance.InstanceId} was delivered {attempt} times without completing " +
            $"(the worker crashed, was killed or was stopped while running it each time); the limit is {MaxDeliveries} " +
            $"({LocalEngineSettings.MaxActivityDeliveriesKey}), so it failed instead of running again";
        _cutOff.TryAdd(workItem.Id, 0);
        Log.CutOff(log, scheduled.Name ?? "?", instance.InstanceId, attempt, MaxDeliveries);
        return new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new TaskFailedEvent(-1, scheduled.EventId, reason, details: null,
                new FailureDetails(ErrorType, reason, stackTrace: null, innerFailure: null, isNonRetriable: true)),
        };
    }

    /// <summary>True when this host already failed the message, so a copy still running must not answer it again.</summary>
    public bool WasCutOff(TaskActivityWorkItem workItem) => _cutOff.ContainsKey(workItem.Id);

    private static partial class Log
    {
        [LoggerMessage(5103, LogLevel.Warning, "Poison activity: {Activity} of {InstanceId} delivered {Attempt} times (limit {Limit}); failed it with the reason")]
        public static partial void CutOff(ILogger logger, string activity, string instanceId, long attempt, int limit);
    }
}
