using Microsoft.Extensions.Logging;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>The engine's log messages (5xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Durable task worker {Owner} started")]
    public static partial void WorkerStarted(ILogger logger, string owner);

    [LoggerMessage(5002, LogLevel.Debug, "Orchestration {InstanceId} step ended {Status}")]
    public static partial void StepCommitted(ILogger logger, string instanceId, string status);

    [LoggerMessage(5003, LogLevel.Warning, "Orchestration {InstanceId}: another worker committed this step first; backing off")]
    public static partial void StepConflict(ILogger logger, string instanceId);

    [LoggerMessage(5004, LogLevel.Error, "Orchestration {InstanceId}: the step failed and was abandoned")]
    public static partial void StepFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(5005, LogLevel.Debug, "Activity {Name} (#{TaskId}) of {InstanceId}: result dropped (stale or already completed)")]
    public static partial void ActivityDropped(ILogger logger, string name, int taskId, string instanceId);

    [LoggerMessage(5006, LogLevel.Error, "Dispatcher loop {Loop} failed; retrying")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception exception);

    [LoggerMessage(5007, LogLevel.Warning, "Orchestration {InstanceId} failed as non-deterministic: {Message}")]
    public static partial void NonDeterministic(ILogger logger, string instanceId, string message);

    [LoggerMessage(5008, LogLevel.Information, "Released {Count} locks left by workers of this machine that are no longer running")]
    public static partial void OrphanedLocksReleased(ILogger logger, int count);

    [LoggerMessage(5009, LogLevel.Warning, "Activity {Name} (#{TaskId}) of {InstanceId}: its lock was taken by another worker while it ran; its result will be dropped")]
    public static partial void ActivityLockLost(ILogger logger, string name, int taskId, string instanceId);

    [LoggerMessage(5010, LogLevel.Warning, "Activity {Name} (#{TaskId}) of {InstanceId} came back while it still runs here (its lock lapsed); not started twice")]
    public static partial void ActivityAlreadyRunning(ILogger logger, string name, int taskId, string instanceId);
}
