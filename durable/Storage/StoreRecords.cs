using RagnarokOps.DurableTask.Client;

namespace RagnarokOps.DurableTask.Storage;

/// <summary>A row of the Instances table.</summary>
internal sealed record InstanceRecord(
    string InstanceId,
    string ExecutionId,
    string Name,
    OrchestrationRuntimeStatus Status,
    DateTime CreatedAt,
    DateTime LastUpdatedAt)
{
    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>The row's position, used as a stable paging key.</summary>
    public long RowId { get; init; }

    public bool IsTerminal => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;
}

/// <summary>An inbox event with its row id and how often it has been handed out.</summary>
internal sealed record InboxEvent(long Id, string? ExecutionId, int DequeueCount, HistoryEvent Event);

/// <summary>A locked orchestration: its row, the current execution's history and its visible inbox.</summary>
internal sealed record OrchestrationWorkItem(
    InstanceRecord Instance,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<InboxEvent> NewEvents,
    string LockOwner);

/// <summary>A message to an instance's inbox, visible from <see cref="VisibleAt"/>.</summary>
internal sealed record OutboundEvent(string InstanceId, string? ExecutionId, HistoryEvent Event, DateTime VisibleAt);

/// <summary>An activity to queue.</summary>
internal sealed record ActivityRequest(string Name, int TaskId, string? Input);

/// <summary>A sub-orchestration to create.</summary>
internal sealed record NewInstanceRequest(string InstanceId, string ExecutionId, string Name, string? Input, HistoryEvent Started);

/// <summary>Everything one orchestration step commits, atomically.</summary>
internal sealed record OrchestrationCheckpoint(OrchestrationWorkItem WorkItem)
{
    /// <summary>Inbox rows consumed by this step (deleted).</summary>
    public IReadOnlyList<long> ConsumedEventIds { get; init; } = [];

    /// <summary>Events appended to the current execution's history.</summary>
    public IReadOnlyList<HistoryEvent> NewHistory { get; init; } = [];

    public OrchestrationRuntimeStatus Status { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>When set, the history is cleared and the instance continues as this new execution.</summary>
    public string? ContinuedAsExecutionId { get; init; }

    public string? NewInput { get; init; }

    public IReadOnlyList<ActivityRequest> Activities { get; init; } = [];

    public IReadOnlyList<OutboundEvent> Messages { get; init; } = [];

    public IReadOnlyList<NewInstanceRequest> SubOrchestrations { get; init; } = [];
}

/// <summary>A locked activity.</summary>
internal sealed record ActivityWorkItem(
    long Id, string InstanceId, string ExecutionId, string Name, int TaskId, string? Input, int DequeueCount, string LockOwner);

/// <summary>How a checkpoint ended.</summary>
internal enum CheckpointResult
{
    Committed,

    /// <summary>Another worker committed this step first (history key clash) or took the lock; back off.</summary>
    Conflict,
}

/// <summary>A filter over instances, for queries and purges.</summary>
internal sealed record InstanceFilter(
    DateTime? CreatedFrom,
    DateTime? CreatedTo,
    IReadOnlyList<OrchestrationRuntimeStatus>? Statuses,
    string? InstanceIdPrefix);
