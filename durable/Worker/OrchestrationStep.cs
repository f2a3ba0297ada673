using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>Turns a locked orchestration work item into the checkpoint of one step.</summary>
internal sealed class OrchestrationStep(
    Func<string, ITaskOrchestrator?> resolve, DataConverter converter, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
{
    public OrchestrationCheckpoint Build(OrchestrationWorkItem item, DateTime now)
    {
        var instance = item.Instance;
        var consumed = new List<long>();
        var apply = new List<HistoryEvent>();
        var requeue = new List<OutboundEvent>();
        var status = instance.Status;
        var hasStart = item.History.Count > 0;
        foreach (var inbox in item.NewEvents)
        {
            var e = inbox.Event;
            if (instance.IsTerminal || (inbox.ExecutionId is not null && inbox.ExecutionId != instance.ExecutionId))
            {
                // A finished instance, or a message for an execution that has since continued as new: drop it.
                consumed.Add(inbox.Id);
                continue;
            }

            if (e.Type == EventType.ExecutionSuspended)
            {
                consumed.Add(inbox.Id);
                status = status == OrchestrationRuntimeStatus.Running ? OrchestrationRuntimeStatus.Suspended : status;
                continue;
            }

            if (e.Type == EventType.ExecutionResumed)
            {
                consumed.Add(inbox.Id);
                status = status == OrchestrationRuntimeStatus.Suspended ? OrchestrationRuntimeStatus.Running : status;
                continue;
            }

            if (status == OrchestrationRuntimeStatus.Suspended && e.Type != EventType.ExecutionTerminated)
            {
                continue; // kept in the inbox until the instance resumes
            }

            hasStart |= e.Type == EventType.ExecutionStarted;
            consumed.Add(inbox.Id);
            if (!hasStart && e.Type != EventType.ExecutionTerminated)
            {
                // Arrived before a delayed start: hand it back for later rather than lose it.
                requeue.Add(new OutboundEvent(instance.InstanceId, inbox.ExecutionId, e, now.AddSeconds(1)));
                continue;
            }

            apply.Add(e);
        }

        if (apply.Count == 0)
        {
            return new OrchestrationCheckpoint(item)
            {
                ConsumedEventIds = consumed,
                Status = status,
                Output = instance.Output,
                CustomStatus = instance.CustomStatus,
                Failure = instance.Failure,
                Messages = requeue,
            };
        }

        var context = new ReplayContext(instance.InstanceId, converter, loggerFactory);
        var result = context.Run(item.History, apply, now, resolve);
        return ToCheckpoint(item, result, consumed, requeue, status, now);
    }

    private static OrchestrationCheckpoint ToCheckpoint(
        OrchestrationWorkItem item, EpisodeResult result, List<long> consumed, List<OutboundEvent> messages,
        OrchestrationRuntimeStatus status, DateTime now)
    {
        var instance = item.Instance;
        var activities = new List<ActivityRequest>();
        var subs = new List<NewInstanceRequest>();
        foreach (var action in result.Actions)
        {
            switch (action.Type)
            {
                case EventType.TaskScheduled:
                    activities.Add(new ActivityRequest(action.Name!, action.TaskId, action.Data));
                    break;
                case EventType.TimerCreated:
                    var fireAt = action.FireAt!.Value;
                    messages.Add(new OutboundEvent(instance.InstanceId, instance.ExecutionId,
                        new HistoryEvent(EventType.TimerFired) { TaskId = action.TaskId, FireAt = fireAt, Timestamp = fireAt }, fireAt));
                    break;
                case EventType.SubOrchestrationInstanceCreated:
                    var executionId = Guid.NewGuid().ToString("N");
                    subs.Add(new NewInstanceRequest(action.InstanceId!, executionId, action.Name!, action.Data,
                        new HistoryEvent(EventType.ExecutionStarted)
                        {
                            Name = action.Name,
                            Data = action.Data,
                            ExecutionId = executionId,
                            ParentInstanceId = instance.InstanceId,
                            ParentName = instance.Name,
                            ParentExecutionId = instance.ExecutionId,
                            ParentTaskId = action.TaskId,
                            Timestamp = now,
                        }));
                    break;
                case EventType.EventSent:
                    messages.Add(new OutboundEvent(action.InstanceId!, null,
                        new HistoryEvent(EventType.EventRaised) { Name = action.Name, Data = action.Data, Timestamp = now }, now));
                    break;
            }
        }

        var started = result.Started ?? item.History.FirstOrDefault(h => h.Type == EventType.ExecutionStarted);
        var checkpoint = new OrchestrationCheckpoint(item)
        {
            ConsumedEventIds = consumed,
            NewHistory = result.NewHistory,
            Status = result.Completion ?? (status == OrchestrationRuntimeStatus.Pending ? OrchestrationRuntimeStatus.Running : status),
            Output = result.Output,
            Failure = result.Failure,
            CustomStatus = result.CustomStatus,
            Activities = activities,
            SubOrchestrations = subs,
            Messages = messages,
        };

        // One activity and nothing else to wait for: its result can only be the next event, so keep the instance for it.
        checkpoint = checkpoint with
        {
            Hold = result.Completion is null && checkpoint.Status == OrchestrationRuntimeStatus.Running && activities.Count == 1
                && subs.Count == 0 && messages.Count == 0 && result.OpenTasks == 1 && !result.AwaitsEvents,
        };

        if (result.Completion == OrchestrationRuntimeStatus.ContinuedAsNew && started is not null)
        {
            var next = Guid.NewGuid().ToString("N");
            messages.Add(new OutboundEvent(instance.InstanceId, next,
                started with { Data = result.ContinueAsNewInput, ExecutionId = next, Timestamp = now }, now));
            messages.AddRange(result.CarryOverEvents.Select(e => new OutboundEvent(instance.InstanceId, next, e with { Timestamp = now }, now)));
            return checkpoint with
            {
                Status = OrchestrationRuntimeStatus.Running,
                ContinuedAsExecutionId = next,
                NewInput = result.ContinueAsNewInput,
                NewHistory = [],
                Activities = [],
                SubOrchestrations = [],
                Messages = messages.Where(m => m.Event.Type is not EventType.TimerFired).ToList(),
            };
        }

        if (result.Completion is { } done and not OrchestrationRuntimeStatus.ContinuedAsNew && started?.ParentInstanceId is { } parent)
        {
            var type = done == OrchestrationRuntimeStatus.Completed
                ? EventType.SubOrchestrationInstanceCompleted
                : EventType.SubOrchestrationInstanceFailed;
            messages.Add(new OutboundEvent(parent, started.ParentExecutionId, new HistoryEvent(type)
            {
                TaskId = started.ParentTaskId,
                Data = result.Output,
                Failure = done == OrchestrationRuntimeStatus.Completed ? null
                    : result.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{instance.InstanceId}' was {done}."),
                Timestamp = now,
            }, now));
        }

        return checkpoint;
    }
}
