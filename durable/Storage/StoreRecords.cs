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
internal sealed record OutboundEvent(string InstanceId, string? ExecutionId, HistoryEvent Event, DateTime VisibleAt)
{
    /// <summary>
    /// What a sub-orchestration failed as poison owes its parent (the failure of the parent's call), from the child's
    /// ExecutionStarted payload; null for an instance without a parent.
    /// </summary>
    public static OutboundEvent? FailureToParent(string? startedPayload, TaskFailureDetails failure, DateTime now) =>
        startedPayload is not null && HistoryEvent.FromJson(startedPayload) is { ParentInstanceId: { } parent } start
            ? new OutboundEvent(parent, start.ParentExecutionId, new HistoryEvent(EventType.SubOrchestrationInstanceFailed)
            {
                TaskId = start.ParentTaskId,
                Failure = failure,
                Timestamp = now,
            }, now)
            : null;
}

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

    /// <summary>
    /// When true, the step's one activity is queued already locked for this worker and the instance stays locked
    /// (held) for it, so the activity's result can be applied together with the next step in one commit.
    /// </summary>
    public bool Hold { get; init; }
}

/// <summary>What a committed checkpoint left for this worker: the activity it queued locked, and whether it holds the instance.</summary>
internal sealed record CheckpointCommit(CheckpointResult Result, ActivityWorkItem? LocalActivity = null, bool Held = false)
{
    public static CheckpointCommit Conflict { get; } = new(CheckpointResult.Conflict);
}

/// <summary>How an activity result met the instance it belongs to.</summary>
internal enum HeldStepResult
{
    /// <summary>The result and the next step were committed together.</summary>
    Committed,

    /// <summary>The instance was no longer held (or had other events waiting): the result went to its inbox instead.</summary>
    Queued,

    /// <summary>The task had been taken by another worker (its lock expired): this result was dropped.</summary>
    Dropped,
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
