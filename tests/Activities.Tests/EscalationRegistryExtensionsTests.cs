using RagnarokOps.Activities.Rollback;
using RagnarokOps.Activities.Probes;
using RagnarokOps.Activities.Incidents;
using System.Reflection;
using Microsoft.DurableTask;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Activities.Pipelines;

namespace RagnarokOps.Activities.Tests;

public sealed class EscalationRegistryExtensionsTests
{
    private static readonly IReadOnlyList<string> Names = typeof(ActivityNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToList();

    private static readonly string[] EnvironmentNames =
    [
        ActivityNames.LoadTopology, ActivityNames.ReadEnvironmentBranch, ActivityNames.CompareEnvironments,
        ActivityNames.ReadLinkDrift, ActivityNames.PublishDriftIssue, ActivityNames.OpenPromotion,
    ];

    [Fact]
    public void ActivityClasses_EveryName_HasExactlyOneClassCarryingIt()
    {
        var named = typeof(ActivityNames).Assembly.GetTypes()
            .Where(t => typeof(ITaskActivity).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name)
            .ToList();

        Assert.Equal(Names.Order(StringComparer.Ordinal), named.OfType<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddEscalationAndEnvironmentActivities_EmptyRegistry_RegisterEveryNameOnce()
    {
        var registry = new DurableTaskRegistry().AddEscalationActivities().AddEnvironmentActivities()
            .AddCherryPickActivities()
            .AddPipelineActivities()
            .AddIncidentActivities()
            .AddProbeActivities()
            .AddRollbackActivities();

        // A second registration of any name throws, so registering each again proves each is present.
        foreach (var name in Names)
        {
            Assert.ThrowsAny<ArgumentException>(() => registry.AddActivityFunc<object, object>(name, (_, _) => Task.FromResult(new object())));
        }
    }

    [Fact]
    public void AddEnvironmentActivities_EmptyRegistry_RegistersEachEnvironmentNameOnce()
    {
        var registry = RagnarokOps.Activities.Environments.EnvironmentActivityRegistry.AddEnvironmentActivities(new DurableTaskRegistry());

        foreach (var name in EnvironmentNames)
        {
            Assert.ThrowsAny<ArgumentException>(() => registry.AddActivityFunc<object, object>(name, (_, _) => Task.FromResult(new object())));
        }
    }
}
