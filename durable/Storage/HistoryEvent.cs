using System.Text.Json;
using System.Text.Json.Serialization;
using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>The kinds of event in an instance's history and inbox (names follow DurableTask.Core).</summary>
internal enum EventType
{
    ExecutionStarted = 0,
    ExecutionCompleted = 1,
    ExecutionTerminated = 2,
    TaskScheduled = 3,
    TaskCompleted = 4,
    TaskFailed = 5,
    SubOrchestrationInstanceCreated = 6,
    SubOrchestrationInstanceCompleted = 7,
    SubOrchestrationInstanceFailed = 8,
    TimerCreated = 9,
    TimerFired = 10,
    OrchestratorStarted = 12,
    EventSent = 14,
    EventRaised = 15,
    ExecutionSuspended = 20,
    ExecutionResumed = 21,
}

/// <summary>One history or inbox event; a flat record so one JSON shape covers every kind.</summary>
internal sealed record HistoryEvent(EventType Type)
{
    /// <summary>The sequence number of a scheduled action, or the one a completion answers; -1 when none.</summary>
    public int TaskId { get; init; } = -1;

    public string? Name { get; init; }

    /// <summary>Input, result, event payload or output, already serialized.</summary>
    public string? Data { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTime Timestamp { get; init; }

    public DateTime? FireAt { get; init; }

    /// <summary>The target instance of a sub-orchestration or a sent event.</summary>
    public string? InstanceId { get; init; }

    /// <summary>For ExecutionStarted: the execution it starts.</summary>
    public string? ExecutionId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentName { get; init; }

    public string? ParentExecutionId { get; init; }

    public int ParentTaskId { get; init; } = -1;

    public OrchestrationRuntimeStatus? Status { get; init; }

    public bool IsCompletion => Type is EventType.TaskCompleted or EventType.TaskFailed or EventType.TimerFired
        or EventType.SubOrchestrationInstanceCompleted or EventType.SubOrchestrationInstanceFailed;

    public bool IsScheduling => Type is EventType.TaskScheduled or EventType.TimerCreated
        or EventType.SubOrchestrationInstanceCreated or EventType.EventSent;

    public string ToJson() => JsonSerializer.Serialize(this, HistoryJsonContext.Default.HistoryEvent);

    public static HistoryEvent FromJson(string json) =>
        JsonSerializer.Deserialize(json, HistoryJsonContext.Default.HistoryEvent) ?? throw new InvalidDataException("Empty history event.");
}

/// <summary>Source-generated JSON for history rows: they are read and written on every step.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(HistoryEvent))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
