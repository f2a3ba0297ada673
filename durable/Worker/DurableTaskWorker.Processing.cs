using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

internal sealed partial class DurableTaskWorker
{
    private async Task RunOrchestrationAsync(OrchestrationWorkItem item)
    {
        try
        {
            var checkpoint = BuildStep(item, _time.GetUtcNow().UtcDateTime);
            var commit = await _store.CompleteOrchestrationAsync(checkpoint, CancellationToken.None).ConfigureAwait(false);
            AfterCommit(item, checkpoint, commit);
        }
        catch (Exception ex)
        {
            Forget(item.Instance.InstanceId);
            Log.StepFailed(_logger, item.Instance.InstanceId, ex);
            await _store.AbandonOrchestrationAsync(item, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private OrchestrationCheckpoint BuildStep(OrchestrationWorkItem item, DateTime now)
    {
        var checkpoint = _step.Build(item, now);
        if (checkpoint.Failure is { ErrorType: var type } failure && type.EndsWith(nameof(NonDeterministicOrchestrationException), StringComparison.Ordinal))
        {
            Log.NonDeterministic(_logger, item.Instance.InstanceId, failure.ErrorMessage);
        }

        return checkpoint;
    }

    private void AfterCommit(OrchestrationWorkItem item, OrchestrationCheckpoint checkpoint, CheckpointCommit commit)
    {
        var id = item.Instance.InstanceId;
        if (commit.Result == CheckpointResult.Conflict)
        {
            Forget(id);
            Log.StepConflict(_logger, id);
            return;
        }

        var history = RememberHistory(item, checkpoint);
        Log.StepCommitted(_logger, id, checkpoint.Status.ToString());
        if (commit.Held && history is not null && commit.LocalActivity is { } held)
        {
            // The instance waits only for this activity: keep what the next step needs, so its result and that step commit together.
            var instance = item.Instance with
            {
                Status = checkpoint.Status,
                Output = checkpoint.Output,
                CustomStatus = checkpoint.CustomStatus,
                Failure = checkpoint.Failure,
            };
            _held[id] = new HeldInstance(new OrchestrationWorkItem(instance, history, [], LockOwners.Held(_owner)), held.Id);
        }
        else
        {
            _held.TryRemove(id, out _);
        }

        if (commit.LocalActivity is { } activity)
        {
            _localActivities.Enqueue(activity);
            _store.Signal.NotifyActivities();
        }
    }

    private void Forget(string instanceId)
    {
        _historyCache.Remove(instanceId);
        _held.TryRemove(instanceId, out _);
    }

    /// <summary>Caches the history after <paramref name="checkpoint"/>; returns it, or null when the instance ended.</summary>
    private IReadOnlyList<HistoryEvent>? RememberHistory(OrchestrationWorkItem item, OrchestrationCheckpoint checkpoint)
    {
        var id = item.Instance.InstanceId;
        if (checkpoint.ContinuedAsExecutionId is not null || checkpoint.Status is Client.OrchestrationRuntimeStatus.Completed
            or Client.OrchestrationRuntimeStatus.Failed or Client.OrchestrationRuntimeStatus.Terminated)
        {
            _historyCache.Remove(id);
            return null;
        }

        if (checkpoint.NewHistory.Count == 0)
        {
            _historyCache.Set(id, item.Instance.ExecutionId, item.History);
            return item.History;
        }

        // A new list each time: the cached one may still be read by nobody else, but never mutate what was shared.
        var history = new List<HistoryEvent>(item.History.Count + checkpoint.NewHistory.Count);
        history.AddRange(item.History);
        history.AddRange(checkpoint.NewHistory);
        _historyCache.Set(id, item.Instance.ExecutionId, history);
        return history;
    }

    /// <summary>
    /// Applies the result of a held instance's activity together with the step it leads to. Returns false when the
    /// result still has to be recorded the usual way.
    /// </summary>
    private async Task<bool> CompleteHeldAsync(ActivityWorkItem task, HistoryEvent result)
    {
        if (!_held.TryGetValue(task.InstanceId, out var held) || held.TaskRowId != task.Id
            || !_held.TryRemove(new KeyValuePair<string, HeldInstance>(task.InstanceId, held)))
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var completion = result with { Timestamp = now };
        var item = held.Item with { NewEvents = [new InboxEvent(0, task.ExecutionId, 0, completion)] };
        var next = BuildStep(item, now) with { ConsumedEventIds = [] };
        var (outcome, commit) = await _store.CompleteHeldStepAsync(task, completion, next, CancellationToken.None).ConfigureAwait(false);
        switch (outcome)
        {
            case HeldStepResult.Committed:
                AfterCommit(item, next, commit!);
                break;
            case HeldStepResult.Dropped:
                Log.ActivityDropped(_logger, task.Name, task.TaskId, task.InstanceId);
                break;
        }

        return true;
    }

    /// <summary>An instance this worker holds while its one activity runs: its state after the last step, and the task's row.</summary>
    private sealed record HeldInstance(OrchestrationWorkItem Item, long TaskRowId);

    private async Task RunActivityAsync(ActivityWorkItem item)
    {
        HistoryEvent result;
        if (!_registry.Activities.TryGetValue(item.Name, out var factory))
        {
            result = new HistoryEvent(EventType.TaskFailed)
            {
                TaskId = item.TaskId,
                Failure = new TaskFailureDetails(
                    "ActivityTaskNotFound", $"No activity named '{item.Name}' is registered with this worker.", IsNonRetriable: true),
            };
        }
        else
        {
            // A task whose lock lapsed on a stalled machine can be handed to this worker again while it still runs
            // here: run it once (the running copy completes it; its lock owner is the same).
            if (!_runningActivities.TryAdd(item.Id, item))
            {
                Log.ActivityAlreadyRunning(_logger, item.Name, item.TaskId, item.InstanceId);
                return;
            }

            // A new DI scope per call, as Functions does: scoped services live for one activity execution.
            var scope = _services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    var activity = factory(scope.ServiceProvider);
                    var input = _options.DataConverter.Deserialize(item.Input, activity.InputType);
                    var output = await activity.RunAsync(new ActivityContext(new TaskName(item.Name), item.InstanceId), input).ConfigureAwait(false);
                    result = new HistoryEvent(EventType.TaskCompleted) { TaskId = item.TaskId, Data = _options.DataConverter.Serialize(output) };
                }
                catch (Exception ex)
                {
                    result = new HistoryEvent(EventType.TaskFailed) { TaskId = item.TaskId, Failure = TaskFailureDetails.FromException(ex) };
                }
                finally
                {
                    _runningActivities.TryRemove(item.Id, out _);
                }
            }
        }

        try
        {
            if (await CompleteHeldAsync(item, result).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (Exception ex)
        {
            // The combined write was undone; record the result the usual way below (which also lets the instance go).
            Forget(item.InstanceId);
            Log.StepFailed(_logger, item.InstanceId, ex);
        }

        try
        {
            if (!await _store.CompleteActivityAsync(item, result, CancellationToken.None).ConfigureAwait(false))
            {
                Log.ActivityDropped(_logger, item.Name, item.TaskId, item.InstanceId);
            }
        }
        catch (Exception ex)
        {
            // The task stays locked until its lock expires and then runs again (at-least-once).
            Log.StepFailed(_logger, item.InstanceId, ex);
        }
    }

    /// <summary>
    /// Extends the locks of the activities running or queued here (and their instances' holds) every third of the lock timeout,
    /// in one write, so a long activity is not handed to a second worker; a worker that dies stops renewing and its
    /// tasks come back.
    /// </summary>
    private async Task RenewRunningActivitiesAsync(CancellationToken stop)
    {
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, _options.LockTimeout.Ticks / 3));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _time, stop).ConfigureAwait(false);
                // Running here, or queued here by a held step and not started yet: both are this worker's to keep.
                var mine = _runningActivities.Values.Concat(_localActivities).ToList();
                if (mine.Count == 0)
                {
                    continue;
                }

                foreach (var lost in await _store.RenewActivityLocksAsync(mine, stop).ConfigureAwait(false))
                {
                    if (_runningActivities.ContainsKey(lost.Id))
                    {
                        Log.ActivityLockLost(_logger, lost.Name, lost.TaskId, lost.InstanceId);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Renewal is best effort: without it a lock lapses and its task runs again, as after a crash.
                Log.LoopFailed(_logger, "lock renewal", ex);
            }
        }
    }

    private sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name => name;

        public override string InstanceId => instanceId;
    }
}
