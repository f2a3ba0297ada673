using Microsoft.Extensions.Logging.Abstractions;
using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.DurableTask.Worker;

namespace RagnarokOps.DurableTask.Tests.Worker;

public sealed class ReplayContextTests
{
    // Expected values are RFC 4122 UUID v5 of "{id}_{time:o}_{counter}" in Microsoft.DurableTask's namespace
    // 9e952958-5e33-4daf-827f-2fa12937b875, computed independently (Python's uuid.uuid5).
    [Theory]
    [InlineData("abc", "2024-01-02T03:04:05.0000000Z", "a1239379-7719-5253-84a4-29155a59f930", "c4104527-03ea-5033-bcfa-41b86026bca0")]
    [InlineData("order-42", "2025-06-30T23:59:59.1234567Z", "5dc62c0e-42a0-5f46-82ff-66050906b2f3", null)]
    public void NewGuid_KnownInstanceAndTime_MatchesMicrosoftDurableTask(string instanceId, string time, string first, string? second)
    {
        var now = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var guids = new List<Guid>();
        var context = new ReplayContext(instanceId, JsonDataConverter.Default, NullLoggerFactory.Instance);
        var orchestrator = new Func<TaskOrchestrationContext, Task<int>>(ctx =>
        {
            guids.Add(ctx.NewGuid());
            guids.Add(ctx.NewGuid());
            return Task.FromResult(0);
        });

        var result = context.Run([], [new HistoryEvent(EventType.ExecutionStarted) { Name = "G" }], now, _ => new Inline(orchestrator));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Completion);
        Assert.Equal(Guid.Parse(first), guids[0]);
        if (second is not null)
        {
            Assert.Equal(Guid.Parse(second), guids[1]);
        }
    }

    [Fact]
    public void Run_EventAfterTheContinueAsNewInTheSameBatch_IsCarriedOver()
    {
        // The timer that leads to ContinueAsNew and an event that arrived with it are applied in one episode: the
        // event comes after the orchestrator has finished, and must still reach the next execution.
        var history = new[]
        {
            new HistoryEvent(EventType.OrchestratorStarted) { Timestamp = DateTime.UtcNow },
            new HistoryEvent(EventType.ExecutionStarted) { Name = "Counter", Data = "0" },
            new HistoryEvent(EventType.TimerCreated) { TaskId = 0 },
        };
        var context = new ReplayContext("i", JsonDataConverter.Default, NullLoggerFactory.Instance);
        var orchestrator = new Func<TaskOrchestrationContext, Task<int>>(async ctx =>
        {
            await ctx.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            ctx.ContinueAsNew(1, preserveUnprocessedEvents: true);
            return -1;
        });

        var result = context.Run(
            history,
            [new HistoryEvent(EventType.TimerFired) { TaskId = 0 }, new HistoryEvent(EventType.EventRaised) { Name = "add", Data = "10" }],
            DateTime.UtcNow,
            _ => new Inline(orchestrator));

        Assert.Equal(OrchestrationRuntimeStatus.ContinuedAsNew, result.Completion);
        var carried = Assert.Single(result.CarryOverEvents);
        Assert.Equal(("add", "10"), (carried.Name, carried.Data));
    }

    [Fact]
    public void Run_HistoryWithDifferentActivity_FailsNamingBothActions()
    {
        var started = new HistoryEvent(EventType.OrchestratorStarted) { Timestamp = DateTime.UtcNow };
        var history = new[]
        {
            started,
            new HistoryEvent(EventType.ExecutionStarted) { Name = "O" },
            new HistoryEvent(EventType.TaskScheduled) { TaskId = 0, Name = "SayHello" },
        };
        var context = new ReplayContext("i", JsonDataConverter.Default, NullLoggerFactory.Instance);
        var orchestrator = new Func<TaskOrchestrationContext, Task<int>>(async ctx => await ctx.CallActivityAsync<int>("SayGoodbye"));

        var result = context.Run(history, [new HistoryEvent(EventType.TaskCompleted) { TaskId = 0, Data = "1" }], DateTime.UtcNow,
            _ => new Inline(orchestrator));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Completion);
        Assert.Contains("SayHello", result.Failure!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("SayGoodbye", result.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.True(result.Failure.IsNonRetriable);
    }

    [Fact]
    public void Run_ReplayedHistory_SchedulesOnlyTheNextActivity()
    {
        var t0 = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var history = new[]
        {
            new HistoryEvent(EventType.OrchestratorStarted) { Timestamp = t0 },
            new HistoryEvent(EventType.ExecutionStarted) { Name = "O" },
            new HistoryEvent(EventType.TaskScheduled) { TaskId = 0, Name = "A" },
        };
        var replays = new List<bool>();
        var orchestrator = new Func<TaskOrchestrationContext, Task<int>>(async ctx =>
        {
            replays.Add(ctx.IsReplaying);
            var a = await ctx.CallActivityAsync<int>("A");
            replays.Add(ctx.IsReplaying);
            return a + await ctx.CallActivityAsync<int>("B");
        });

        var result = new ReplayContext("i", JsonDataConverter.Default, NullLoggerFactory.Instance)
            .Run(history, [new HistoryEvent(EventType.TaskCompleted) { TaskId = 0, Data = "2" }], t0.AddSeconds(1), _ => new Inline(orchestrator));

        Assert.Null(result.Completion);
        var action = Assert.Single(result.Actions);
        Assert.Equal(("B", 1), (action.Name, action.TaskId));
        Assert.Equal([true, false], replays);
    }

    private sealed class Inline(Func<TaskOrchestrationContext, Task<int>> run) : TaskOrchestrator<object?, int>
    {
        public override Task<int> RunAsync(TaskOrchestrationContext context, object? input) => run(context);
    }
}
