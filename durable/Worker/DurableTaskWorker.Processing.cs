using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

internal sealed partial class DurableTaskWorker
{
    private async Task RunOrchestrationAsync(OrchestrationWorkItem item)
    {
        try
        {
            var checkpoint = _step.Build(item, _time.GetUtcNow().UtcDateTime);
            if (checkpoint.Failure is { ErrorType: var type } failure && type.EndsWith(nameof(NonDeterministicOrchestrationException), StringComparison.Ordinal))
            {
                Log.NonDeterministic(_logger, item.Instance.InstanceId, failure.ErrorMessage);
            }

            var result = await _store.CompleteOrchestrationAsync(checkpoint, CancellationToken.None).ConfigureAwait(false);
            if (result == CheckpointResult.Conflict)
            {
                _historyCache.Remove(item.Instance.InstanceId);
                Log.StepConflict(_logger, item.Instance.InstanceId);
            }
            else
            {
                RememberHistory(item, checkpoint);
                Log.StepCommitted(_logger, item.Instance.InstanceId, checkpoint.Status.ToString());
            }
        }
        catch (Exception ex)
        {
            _historyCache.Remove(item.Instance.InstanceId);
            Log.StepFailed(_logger, item.Instance.InstanceId, ex);
            await _store.AbandonOrchestrationAsync(item, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void RememberHistory(OrchestrationWorkItem item, OrchestrationCheckpoint checkpoint)
    {
        var id = item.Instance.InstanceId;
        if (checkpoint.ContinuedAsExecutionId is not null || checkpoint.Status is Client.OrchestrationRuntimeStatus.Completed
            or Client.OrchestrationRuntimeStatus.Failed or Client.OrchestrationRuntimeStatus.Terminated)
        {
            _historyCache.Remove(id);
            return;
        }

        if (checkpoint.NewHistory.Count == 0)
        {
            _historyCache.Set(id, item.Instance.ExecutionId, item.History);
            return;
        }

        // A new list each time: the cached one may still be read by nobody else, but never mutate what was shared.
        var history = new List<HistoryEvent>(item.History.Count + checkpoint.NewHistory.Count);
        history.AddRange(item.History);
        history.AddRange(checkpoint.NewHistory);
        _historyCache.Set(id, item.Instance.ExecutionId, history);
    }

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
            }
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

    private sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name => name;

        public override string InstanceId => instanceId;
    }
}
