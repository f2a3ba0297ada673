namespace RagnarokOps.Connectors.Tests.Http;

/// <summary>
/// A clock fixed at <see cref="Now"/> whose timers fire at once and remember what they were asked to wait, so retry
/// tests check the delays chosen without waiting for them.
/// </summary>
internal sealed class InstantTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly List<TimeSpan> _delays = [];

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_delays)
        {
            _delays.Add(dueTime);
        }

        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            // Not inline: the caller has not finished setting up its timer yet.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoopTimer();
    }

    private sealed class NoopTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
