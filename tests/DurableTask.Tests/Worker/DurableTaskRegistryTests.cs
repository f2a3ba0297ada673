using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class DurableTaskRegistryTests
{
    [Fact]
    public async Task AddActivityClass_WithScopedDependency_GetsANewScopePerCall()
    {
        await using var engine = await EngineHost.StartAsync(
            r => r.AddActivity<ScopeIdActivity>().AddOrchestrator<TwoCallsOrchestrator>(),
            services: s => s.AddScoped<ScopeMarker>());

        var result = await engine.RunAsync(nameof(TwoCallsOrchestrator), "x");
        var ids = result.ReadOutputAs<string[]>()!;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2, ids.Length);
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public void AddActivityFunc_SameNameTwice_Throws()
    {
        var registry = new DurableTaskRegistry().AddActivityFunc<int, int>("Same", (_, n) => n);

        Assert.Throws<ArgumentException>(() => registry.AddActivityFunc<int, int>("SAME", (_, n) => n));
    }

    [Fact]
    public async Task UnknownActivity_Called_FailsInstanceWithNotFound()
    {
        await using var engine = await EngineHost.StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("CallsMissing", async (ctx, _) => await ctx.CallActivityAsync<int>("Missing")));

        var result = await engine.RunAsync("CallsMissing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("ActivityTaskNotFound", result.FailureDetails!.InnerFailure!.ErrorType);
    }

    internal sealed class ScopeMarker
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    [DurableTask("ScopeId")]
    internal sealed class ScopeIdActivity(ScopeMarker marker) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(marker.Id.ToString());
    }

    internal sealed class TwoCallsOrchestrator : TaskOrchestrator<string, string[]>
    {
        public override async Task<string[]> RunAsync(TaskOrchestrationContext context, string input) =>
        [
            await context.CallActivityAsync<string>("ScopeId", input),
            await context.CallActivityAsync<string>("ScopeId", input),
        ];
    }
}
