namespace RagnarokOps.Tests.Shared;

/// <summary>
/// A clock that stands still until a test moves it (FakeTimeProvider is not in our registry). Timers are not faked:
/// tests that need timers to fire keep their own provider (see Connectors.Tests' InstantTimeProvider).
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>A fixed, readable start: 2026-11-21 12:00 UTC.</summary>
    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
