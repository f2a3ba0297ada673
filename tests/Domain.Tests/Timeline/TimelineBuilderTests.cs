using RagnarokOps.Domain.Tests.Scenarios;
using RagnarokOps.Domain.Timeline;

namespace RagnarokOps.Domain.Tests.Timeline;

public sealed class TimelineBuilderTests
{
    [Fact]
    public void Build_Scenario_OrdersEveryKindByTimeWithLinks()
    {
        var run = ScenarioCatalog.StagingDeployNotBlamed().Pipeline(5, "b5b5", 44, "failed", "test:unit").Run();

        var timeline = TimelineBuilder.Build(run.Escalation, run.Bundle, run.Onset);

        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.Commit && e.Reference == "b5b5" && e.Link!.EndsWith("/commit/b5b5", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.Pipeline && e.Title.Contains("failed: test:unit", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.Deployment && e.Title.Contains("to staging", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.FirstError);
        Assert.Equal(ScenarioBuilder.At(65), Assert.Single(timeline, e => e.Kind == TimelineEntryKind.Onset).At);
        Assert.Equal(TimelineEntryKind.Escalation, timeline[^1].Kind);
    }

    [Fact]
    public void Build_FlagsAndDrift_AreOnTheTimeline()
    {
        var run = ScenarioCatalog.FlagFlip().Drift("Checkout__Retries", "appsettings.json", "3", "0", 30).Run();

        var timeline = TimelineBuilder.Build(run.Escalation, run.Bundle, run.Onset, [new("production", "appsettings.json", "Checkout__Retries", "3", "0", ScenarioBuilder.At(30))]);

        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.FlagChange && e.Title == "flag `new-pricing-engine` turned on in production by ops");
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.ConfigDrift && e.Title.Contains("3 → 0", StringComparison.Ordinal));
    }
}
