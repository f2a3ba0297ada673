using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

internal sealed partial class ReplayContext
{
    private readonly ReplaySynchronizationContext _sync = new();
    private readonly EpisodeResult _result = new();
    private bool _replaying;
    private Task<object?>? _orchestration;
    private Func<string, ITaskOrchestrator?>? _resolve;

    /// <summary>
    /// Replays <paramref name="history"/>, applies <paramref name="newEvents"/> and returns what the episode decided.
    /// Runs entirely on the calling thread.
    /// </summary>
    public EpisodeResult Run(
        IReadOnlyList<HistoryEvent> history, IReadOnlyList<HistoryEvent> newEvents, DateTime now, Func<string, ITaskOrchestrator?> resolve)
    {
        _resolve = resolve;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_sync);
        try
        {
            _replaying = true;
            foreach (var e in history)
            {
                if (_result.Completion is null)
                {
                    Apply(e);
                }
            }

            _replaying = false;
            var started = new HistoryEvent(EventType.OrchestratorStarted) { Timestamp = now };
            _result.NewHistory.Add(started);
            Apply(started);
            foreach (var e in newEvents)
            {
                if (_result.Completion is not null)
                {
                    if (e.Type == EventType.EventRaised)
                    {
                        _buffered.Add((e.Name!, e.Data));
                    }

                    continue;
                }

                _result.NewHistory.Add(e);
                Apply(e);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            Complete(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex)! with { IsNonRetriable = true });
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Finish();
        return _result;
    }

    private void Apply(HistoryEvent e)
    {
        switch (e.Type)
        {
            case EventType.OrchestratorStarted:
                _now = e.Timestamp;
                break;
            case EventType.ExecutionStarted:
                Start(e);
                break;
            case EventType.TaskScheduled or EventType.TimerCreated or EventType.SubOrchestrationInstanceCreated or EventType.EventSent:
                Match(e);
                break;
            case EventType.EventRaised:
                Deliver(e.Name ?? string.Empty, e.Data);
                break;
            case EventType.ExecutionTerminated:
                Complete(OrchestrationRuntimeStatus.Terminated, e.Data, null);
                return;
            default:
                if (e.IsCompletion && _open.Remove(e.TaskId, out var complete))
                {
                    complete(e);
                }

                break;
        }

        _sync.Drain();
        CheckCompletion();
    }

    private void Start(HistoryEvent e)
    {
        _result.Started = e;
        _name = new TaskName(e.Name!);
        _input = e.Data;
        _parent = e.ParentInstanceId is null ? null : new ParentOrchestrationInstance(new TaskName(e.ParentName ?? "?"), e.ParentInstanceId);
        var orchestrator = _resolve!(e.Name!);
        if (orchestrator is null)
        {
            Complete(OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails(
                "OrchestratorTaskNotFound", $"No orchestrator named '{e.Name}' is registered with this worker.", IsNonRetriable: true));
            return;
        }

        try
        {
            var input = _converter.Deserialize(e.Data, orchestrator.InputType);
            _orchestration = orchestrator.RunAsync(this, input);
        }
        catch (Exception ex)
        {
            _orchestration = Task.FromException<object?>(ex);
        }
    }

    private void Match(HistoryEvent recorded)
    {
        if (!_pending.Remove(recorded.TaskId, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{_name.Name}' ({InstanceId}): history has {Describe(recorded)} at sequence "
                + $"{recorded.TaskId}, but the orchestrator code did not schedule anything there. "
                + "Was the orchestrator changed while this instance was running?");
        }

        if (action.Type != recorded.Type || !string.Equals(action.Name, recorded.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{_name.Name}' ({InstanceId}): history has {Describe(recorded)} at sequence "
                + $"{recorded.TaskId}, but the orchestrator code now schedules {Describe(action)} there. "
                + "Was the orchestrator changed while this instance was running?");
        }
    }

    private static string Describe(HistoryEvent e) => e.Type switch
    {
        EventType.TaskScheduled => $"TaskScheduled (activity '{e.Name}')",
        EventType.TimerCreated => "TimerCreated (a durable timer)",
        EventType.SubOrchestrationInstanceCreated => $"SubOrchestrationInstanceCreated (orchestrator '{e.Name}')",
        EventType.EventSent => $"EventSent (event '{e.Name}' to '{e.InstanceId}')",
        _ => e.Type.ToString(),
    };

    private void Deliver(string name, string? data)
    {
        if (_waiters.TryGetValue(name, out var queue))
        {
            while (queue.TryDequeue(out var waiter))
            {
                if (waiter.TryDeliver(data))
                {
                    return;
                }
            }
        }

        // Nobody waits yet: keep it for a later WaitForExternalEvent (or for ContinueAsNew to carry over).
        _buffered.Add((name, data));
    }

    private void CheckCompletion()
    {
        if (_result.Completion is not null || _orchestration is not { IsCompleted: true } task)
        {
            return;
        }

        if (task.IsCompletedSuccessfully)
        {
            if (_continueAsNew is { } next)
            {
                _result.ContinueAsNewInput = next.Input;
                Complete(OrchestrationRuntimeStatus.ContinuedAsNew, null, null);
                return;
            }

            Complete(OrchestrationRuntimeStatus.Completed, _converter.Serialize(task.Result), null);
            return;
        }

        var exception = task.Exception?.InnerException ?? new TaskCanceledException(task);
        Complete(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(exception));
    }

    private void Complete(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure)
    {
        _result.Completion = status;
        _result.Output = output;
        _result.Failure = failure;
    }

    private void Finish()
    {
        foreach (var action in _actionOrder)
        {
            // A terminated instance starts nothing new, even what this episode scheduled before the terminate.
            if (_pending.ContainsKey(action.TaskId) && _result.Completion != OrchestrationRuntimeStatus.Terminated)
            {
                _result.Actions.Add(action);
                _result.NewHistory.Add(action);
            }
        }

        // Carried over at the end of the episode, not when ContinueAsNew completed it: events later in the same
        // batch are buffered after that moment and would otherwise be consumed and lost.
        if (_result.Completion == OrchestrationRuntimeStatus.ContinuedAsNew && _continueAsNew is { Preserve: true })
        {
            _result.CarryOverEvents.AddRange(_buffered.Select(b => new HistoryEvent(EventType.EventRaised) { Name = b.Name, Data = b.Data }));
        }

        _result.CustomStatus = _converter.Serialize(_customStatus);
        _result.OpenTasks = _open.Count;
        _result.AwaitsEvents = _waiters.Values.Any(queue => queue.Any(w => w.IsWaiting));
        if (_result.Completion is { } status and not OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            _result.NewHistory.Add(new HistoryEvent(EventType.ExecutionCompleted)
            {
                Status = status,
                Data = _result.Output,
                Failure = _result.Failure,
                Timestamp = _now,
            });
        }
    }
}
