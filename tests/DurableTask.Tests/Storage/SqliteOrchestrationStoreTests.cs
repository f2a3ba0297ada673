using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;
using RagnarokOps.Tests.Shared;

namespace RagnarokOps.DurableTask.Tests.Storage;

public sealed class SqliteOrchestrationStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("durable-store");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private SqliteOrchestrationStore _store = null!;

    public Task InitializeAsync()
    {
        _store = new SqliteOrchestrationStore(
            new SqliteStorageOptions { DatabasePath = _dir.Combine("hub.db") }, new StoreSettings(TimeSpan.FromSeconds(30), 10), _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task CompleteOrchestration_AfterAnotherWorkerTookOverAndCommitted_ReturnsConflict()
    {
        await CreateAsync("i1");
        var stale = Assert.Single(await _store.LockNextOrchestrationsAsync("worker-a", 10, null, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1)); // worker A's lock expires
        var fresh = Assert.Single(await _store.LockNextOrchestrationsAsync("worker-b", 10, null, CancellationToken.None));

        var first = (await _store.CompleteOrchestrationAsync(Step(fresh), CancellationToken.None)).Result;
        var second = (await _store.CompleteOrchestrationAsync(Step(stale), CancellationToken.None)).Result;

        Assert.Equal(CheckpointResult.Committed, first);
        Assert.Equal(CheckpointResult.Conflict, second);
        Assert.Equal(2, (await _store.GetHistoryAsync("i1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CompleteOrchestration_HistoryKeyClash_ReturnsConflictAndCommitsNothing()
    {
        await CreateAsync("i5");
        var first = Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None));
        await _store.CompleteOrchestrationAsync(Step(first), CancellationToken.None);
        await _store.SendEventAsync("i5", new HistoryEvent(EventType.EventRaised) { Name = "e" }, CancellationToken.None);
        var second = Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None));

        // A worker that believes the history is empty writes sequence 0 again: the key clash must undo the whole step.
        var clash = (await _store.CompleteOrchestrationAsync(Step(second with { History = [] }), CancellationToken.None)).Result;
        var retry = (await _store.CompleteOrchestrationAsync(Step(second), CancellationToken.None)).Result;

        Assert.Equal(CheckpointResult.Conflict, clash);
        Assert.Equal(CheckpointResult.Committed, retry);
        Assert.Equal(4, (await _store.GetHistoryAsync("i5", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CompleteActivity_StaleLockAfterTakeover_IsDroppedAndFreshOneCommits()
    {
        await ScheduleActivityAsync("i2");
        var stale = Assert.Single(await _store.LockNextActivitiesAsync("worker-a", 10, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = Assert.Single(await _store.LockNextActivitiesAsync("worker-b", 10, CancellationToken.None));

        var freshDone = await _store.CompleteActivityAsync(fresh, new HistoryEvent(EventType.TaskCompleted) { TaskId = 0 }, CancellationToken.None);
        var staleDone = await _store.CompleteActivityAsync(stale, new HistoryEvent(EventType.TaskCompleted) { TaskId = 0 }, CancellationToken.None);
        var next = Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None));

        Assert.True(freshDone);
        Assert.False(staleDone);
        Assert.Single(next.NewEvents, e => e.Event.Type == EventType.TaskCompleted);
    }

    [Fact]
    public async Task CreateInstance_PendingId_IsRefused()
    {
        await CreateAsync("i3");

        var error = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => CreateAsync("i3"));

        Assert.Contains("Pending", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockNext_EventDequeuedTooOften_FailsInstanceAsPoison()
    {
        await CreateAsync("i4");
        for (var i = 0; i < 10; i++)
        {
            Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var eleventh = await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None);
        var instance = await _store.GetInstanceAsync("i4", CancellationToken.None);

        Assert.Empty(eleventh);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance!.Status);
        Assert.Equal("PoisonMessage", instance.Failure!.ErrorType);
    }

    [Fact]
    public async Task LockNextActivities_TaskWhoseWorkerKeepsDying_FailsInstanceAsPoison()
    {
        await ScheduleActivityAsync("i6");
        for (var i = 0; i < 10; i++)
        {
            // Each lock lapses unrenewed, as when the worker running the activity is killed.
            Assert.Single(await _store.LockNextActivitiesAsync($"worker-{i}", 10, CancellationToken.None));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var eleventh = await _store.LockNextActivitiesAsync("worker-10", 10, CancellationToken.None);
        var instance = await _store.GetInstanceAsync("i6", CancellationToken.None);

        Assert.Empty(eleventh);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance!.Status);
        Assert.Contains("dequeued more than 10 times", instance.Failure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonedSubOrchestration_TellsItsParent_WhichSeesTheFailure()
    {
        await CreateAsync("parent");
        var parentStep = Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None));
        await _store.CompleteOrchestrationAsync(Step(parentStep), CancellationToken.None);
        await _store.CreateInstanceAsync(
            new NewInstanceRequest("child", "c1", "C", null, new HistoryEvent(EventType.ExecutionStarted)
            {
                Name = "C", ExecutionId = "c1", ParentInstanceId = "parent", ParentExecutionId = "x1", ParentTaskId = 3,
            }),
            _clock.GetUtcNow().UtcDateTime,
            CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None), l => l.Instance.InstanceId == "child");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var poisoning = await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None);
        var afterPoison = await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None);

        Assert.Empty(poisoning);
        var parent = Assert.Single(afterPoison);
        Assert.Equal("parent", parent.Instance.InstanceId);
        var told = Assert.Single(parent.NewEvents).Event;
        Assert.Equal(EventType.SubOrchestrationInstanceFailed, told.Type);
        Assert.Equal(3, told.TaskId);
        Assert.Equal("PoisonMessage", told.Failure!.ErrorType);
    }

    [Fact]
    public async Task RenewActivityLock_KeepsTheTaskFromOtherWorkers_UntilItLapses()
    {
        await ScheduleActivityAsync("i7");
        var task = Assert.Single(await _store.LockNextActivitiesAsync("worker-a", 10, CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Empty(await _store.RenewActivityLocksAsync([task], CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(20)); // past the first lock's 30 s, within the renewed one
        var whileRenewed = await _store.LockNextActivitiesAsync("worker-b", 10, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(20));
        var taken = Assert.Single(await _store.LockNextActivitiesAsync("worker-b", 10, CancellationToken.None));

        Assert.Empty(whileRenewed);
        Assert.Equal(task.Id, taken.Id);
        Assert.Equal(task.Id, Assert.Single(await _store.RenewActivityLocksAsync([task], CancellationToken.None)).Id);
    }

    [Fact]
    public void Ensure_VersionOneDatabase_MigratesTheQueuesAndKeepsTheirRows()
    {
        var path = _dir.Combine("v1.db");
        using (var v1 = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v1.Open();
            using var cmd = v1.CreateCommand();
            cmd.CommandText = SqliteSchema.CreateV1 + """
                INSERT INTO SchemaVersion VALUES (1, 0);
                INSERT INTO NewEvents (Id, InstanceId, EventType, VisibleAt, Payload) VALUES (41, 'a', 1, 0, '{}');
                INSERT INTO NewTasks (Id, InstanceId, ExecutionId, Name, TaskId, VisibleAt, LockOwner) VALUES (7, 'a', 'x', 'A', 0, 0, 'w');
                """;
            cmd.ExecuteNonQuery();
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        SqliteSchema.Ensure(connection, 1);
        using var check = connection.CreateCommand();
        check.CommandText = """
            SELECT (SELECT MAX(Version) FROM SchemaVersion), (SELECT Id FROM NewEvents), (SELECT Id || LockOwner FROM NewTasks),
                   (SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%' OR name = 'UX_NewTasks_Task')
            """;
        using var r = check.ExecuteReader();
        r.Read();

        Assert.Equal(SqliteSchema.Version, r.GetInt32(0));
        Assert.Equal(41, r.GetInt64(1));
        Assert.Equal("7w", r.GetString(2));
        Assert.Equal(0, r.GetInt64(3));
    }

    [Fact]
    public void Ensure_NewerSchemaThanThisEngine_IsRefusedWithBothVersions()
    {
        var path = _dir.Combine("future.db");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "CREATE TABLE SchemaVersion (Version INTEGER NOT NULL, AppliedAt INTEGER NOT NULL); INSERT INTO SchemaVersion VALUES (99, 0);";
            cmd.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteSchema.Ensure(connection, 1));

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts an instance and commits its first step, which schedules activity "A" (task 0).</summary>
    private async Task ScheduleActivityAsync(string id)
    {
        await CreateAsync(id);
        var item = Assert.Single(await _store.LockNextOrchestrationsAsync("w", 10, null, CancellationToken.None));
        await _store.CompleteOrchestrationAsync(Step(item) with { Activities = [new ActivityRequest("A", 0, null)] }, CancellationToken.None);
    }

    private Task CreateAsync(string id) => _store.CreateInstanceAsync(
        new NewInstanceRequest(id, "x1", "O", null, new HistoryEvent(EventType.ExecutionStarted) { Name = "O", ExecutionId = "x1" }),
        _clock.GetUtcNow().UtcDateTime,
        CancellationToken.None);

    private static OrchestrationCheckpoint Step(OrchestrationWorkItem item) => new(item)
    {
        ConsumedEventIds = item.NewEvents.Select(e => e.Id).ToList(),
        NewHistory = [new HistoryEvent(EventType.OrchestratorStarted), item.NewEvents[0].Event],
        Status = OrchestrationRuntimeStatus.Running,
    };
}
