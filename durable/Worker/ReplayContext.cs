using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>The orchestration context of one episode: records actions and completes them from history.</summary>
internal sealed partial class ReplayContext : TaskOrchestrationContext
{
    private const string GuidNamespace = "9e952958-5e33-4daf-827f-2fa12937b875";

    private readonly DataConverter _converter;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<int, HistoryEvent> _pending = [];
    private readonly List<HistoryEvent> _actionOrder = [];
    private readonly Dictionary<int, Action<HistoryEvent>> _open = [];
    private readonly Dictionary<string, Queue<IEventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, string? Data)> _buffered = [];
    private int _sequence;
    private int _guidCounter;
    private object? _customStatus;
    private (string? Input, bool Preserve)? _continueAsNew;
    private string? _input;
    private TaskName _name;
    private ParentOrchestrationInstance? _parent;
    private DateTime _now;

    public ReplayContext(string instanceId, DataConverter converter, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        _converter = converter;
        _loggerFactory = loggerFactory;
    }

    private interface IEventWaiter
    {
        bool IsWaiting { get; }

        bool TryDeliver(string? data);
    }

    public override TaskName Name => _name;

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent => _parent;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => _replaying;

    public override T? GetInput<T>() where T : default => _converter.Deserialize<T>(_input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        WithRetry(() => ScheduleAsync<TResult>(EventType.TaskScheduled, name, input, null), name, options);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId;
        return WithRetry(
            () => ScheduleAsync<TResult>(EventType.SubOrchestrationInstanceCreated, orchestratorName, input, instanceId ?? NewGuid().ToString()),
            orchestratorName,
            options);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var fire = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var id = _sequence++;
        AddAction(new HistoryEvent(EventType.TimerCreated) { TaskId = id, FireAt = fire, Timestamp = _now });
        var tcs = new TaskCompletionSource();
        _open[id] = _ => tcs.TrySetResult();
        if (cancellationToken.CanBeCanceled)
        {
            // Cancelling only stops the wait; the timer stays in history so replay sees the same actions.
            cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
        }

        return tcs.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var index = _buffered.FindIndex(b => string.Equals(b.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var data = _buffered[index].Data;
            _buffered.RemoveAt(index);
            try
            {
                return Task.FromResult(_converter.Deserialize<T>(data)!);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
            {
                return Task.FromException<T>(ex);
            }
        }

        var waiter = new EventWaiter<T>(_converter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => waiter.Source.TrySetCanceled(cancellationToken));
        }

        if (!_waiters.TryGetValue(eventName, out var queue))
        {
            _waiters[eventName] = queue = new Queue<IEventWaiter>();
        }

        queue.Enqueue(waiter);
        return waiter.Source.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        AddAction(new HistoryEvent(EventType.EventSent)
        {
            TaskId = _sequence++,
            Name = eventName,
            InstanceId = instanceId,
            Data = _converter.Serialize(payload),
            Timestamp = _now,
        });
    }

    public override void SetCustomStatus(object? customStatus) => _customStatus = customStatus;

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _continueAsNew = (_converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // UUID v5 (RFC 4122) over "{InstanceId}_{CurrentUtcDateTime:o}_{counter}", as Microsoft.DurableTask does,
        // so ids made here match the ones an Azure-hosted replay would make.
        var name = string.Concat(InstanceId, "_", _now.ToString("o", CultureInfo.InvariantCulture), "_",
            _guidCounter++.ToString(CultureInfo.InvariantCulture));
        Span<byte> ns = stackalloc byte[16];
        Guid.Parse(GuidNamespace).TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        ns.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
#pragma warning disable CA5350 // SHA-1 is what UUID v5 specifies; this is an identifier, not a security boundary.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, _loggerFactory.CreateLogger(categoryName));

    private Task<TResult> ScheduleAsync<TResult>(EventType type, TaskName name, object? input, string? instanceId)
    {
        var id = _sequence++;
        AddAction(new HistoryEvent(type)
        {
            TaskId = id,
            Name = name.Name,
            Data = _converter.Serialize(input),
            InstanceId = instanceId,
            Timestamp = _now,
        });
        var tcs = new TaskCompletionSource<TResult>();
        _open[id] = e =>
        {
            if (e.Type is EventType.TaskCompleted or EventType.SubOrchestrationInstanceCompleted)
            {
                try
                {
                    tcs.TrySetResult(_converter.Deserialize<TResult>(e.Data)!);
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidCastException)
                {
                    tcs.TrySetException(ex);
                }
            }
            else
            {
                var failure = e.Failure ?? new TaskFailureDetails("Unknown", "The task failed without details.");
                tcs.TrySetException(new TaskFailedException(name.Name, id, failure));
            }
        };
        return tcs.Task;
    }

    private void AddAction(HistoryEvent action)
    {
        _pending[action.TaskId] = action;
        _actionOrder.Add(action);
    }

    private sealed class EventWaiter<T>(DataConverter converter) : IEventWaiter
    {
        public TaskCompletionSource<T> Source { get; } = new();

        public bool IsWaiting => !Source.Task.IsCompleted;

        public bool TryDeliver(string? data)
        {
            if (Source.Task.IsCompleted)
            {
                return false;
            }

            try
            {
                return Source.TrySetResult(converter.Deserialize<T>(data)!);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
            {
                return Source.TrySetException(ex);
            }
        }
    }
}
