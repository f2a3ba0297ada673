using RagnarokOps.Domain.Incidents;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Domain.Tests.Probes;

public sealed class ProbeFlapsTests
{
    private static readonly ProbeTarget Target = new("orders-health", "orders", "platform/orders", ProbeKind.Http, "https://orders.example/health");
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_FailOkFail_RaisesNothing()
    {
        var signals = Run(false, true, false);
        Assert.Empty(signals);
    }

    [Fact]
    public void Apply_ThreeFailsThenOk_OneFailingThenRecovered()
    {
        var signals = Run(false, false, false, false, true);
        Assert.Collection(
            signals,
            s => { Assert.Equal(SignalKind.Failing, s.Kind); Assert.Equal(3, s.ConsecutiveFailures); Assert.Equal("platform/orders", s.Project); Assert.Equal(3, s.Evidence.Count); },
            s => { Assert.Equal(SignalKind.Recovered, s.Kind); Assert.Equal(4, s.ConsecutiveFailures); });
    }

    [Fact]
    public void Apply_FailOkThreeFailsThenOk_BothSignalsStartAtTheFirstFailureOfTheStreak()
    {
        var signals = Run(false, true, false, false, false, true);

        Assert.All(signals, s => Assert.Equal(T0.AddMinutes(2), s.StartedAt));
        Assert.Equal(T0.AddMinutes(2), signals[0].FailingSince);
        Assert.Equal(T0.AddMinutes(4), signals[0].ObservedAt);
    }

    [Fact]
    public void Apply_FailuresToOpenTwo_OpensOnSecond()
    {
        var target = Target with { Thresholds = new ProbeThresholds(FailuresToOpen: 2) };
        var (state, first) = ProbeFlaps.Apply(target, ProbeState.New, Result(false, 0), T0);
        var (_, second) = ProbeFlaps.Apply(target, state, Result(false, 1), T0.AddMinutes(1));
        Assert.Null(first);
        Assert.Equal(SignalKind.Failing, second!.Kind);
    }

    private static List<IncidentSignal> Run(params bool[] oks)
    {
        var state = ProbeState.New;
        var signals = new List<IncidentSignal>();
        for (var i = 0; i < oks.Length; i++)
        {
            (state, var signal) = ProbeFlaps.Apply(Target, state, Result(oks[i], i), T0.AddMinutes(i));
            if (signal is not null)
            {
                signals.Add(signal);
            }
        }

        return signals;
    }

    private static ProbeResult Result(bool ok, int minute) => new(Target.Name, ok, 5, ok ? "HTTP 200" : "HTTP 503", T0.AddMinutes(minute));
}
