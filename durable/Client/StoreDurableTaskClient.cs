using System.Globalization;
using System.Runtime.CompilerServices;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Client;

/// <summary>The <see cref="DurableTaskClient"/> over the task hub store.</summary>
internal sealed class StoreDurableTaskClient(IOrchestrationStore store, TimeProvider time, DataConverter converter)
    : DurableTaskClient("default")
{
    internal IOrchestrationStore Store => store;

    internal DataConverter Converter => converter;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var executionId = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow().UtcDateTime;
        var data = converter.Serialize(input);
        var started = new HistoryEvent(EventType.ExecutionStarted)
        {
            Name = orchestratorName.Name,
            Data = data,
            ExecutionId = executionId,
            Timestamp = now,
        };
        var visibleAt = options?.StartAt?.UtcDateTime is { } at && at > now ? at : now;
        await store.CreateInstanceAsync(new NewInstanceRequest(instanceId, executionId, orchestratorName.Name, data, started), visibleAt, cancellationToken)
            .ConfigureAwait(false);
        return instanceId;
    }

    public override async Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var e = new HistoryEvent(EventType.EventRaised) { Name = eventName, Data = converter.Serialize(eventPayload) };
        if (!await store.SendEventAsync(instanceId, e, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"No pending or running orchestration instance has the id '{instanceId}'.");
        }
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellationToken);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellationToken);

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        store.SendEventAsync(instanceId, new HistoryEvent(EventType.ExecutionTerminated) { Data = converter.Serialize(output) }, cancellationToken);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        store.SendEventAsync(instanceId, new HistoryEvent(EventType.ExecutionSuspended) { Data = reason }, cancellationToken);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        store.SendEventAsync(instanceId, new HistoryEvent(EventType.ExecutionResumed) { Data = reason }, cancellationToken);

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        await store.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } record
            ? ToMetadata(record, getInputsAndOutputs)
            : null;

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        new Pageable(this, filter ?? new OrchestrationQuery());

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        new(await store.PurgeAsync(instanceId, null, cancellationToken).ConfigureAwait(false));

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new(await store.PurgeAsync(null, ToFilter(filter.CreatedFrom, filter.CreatedTo, filter.Statuses, null), cancellationToken)
            .ConfigureAwait(false));
    }

    internal OrchestrationMetadata ToMetadata(InstanceRecord r, bool withData) => new(r.Name, r.InstanceId)
    {
        RuntimeStatus = r.Status,
        CreatedAt = new DateTimeOffset(r.CreatedAt),
        LastUpdatedAt = new DateTimeOffset(r.LastUpdatedAt),
        SerializedInput = withData ? r.Input : null,
        SerializedOutput = withData ? r.Output : null,
        SerializedCustomStatus = withData ? r.CustomStatus : null,
        FailureDetails = r.Failure,
        DataConverter = converter,
    };

    internal static InstanceFilter ToFilter(
        DateTimeOffset? from, DateTimeOffset? to, IEnumerable<OrchestrationRuntimeStatus>? statuses, string? prefix) =>
        new(from?.UtcDateTime, to?.UtcDateTime, statuses?.ToList(), prefix);

    private async Task<OrchestrationMetadata> WaitAsync(
        string instanceId, bool withData, Func<OrchestrationMetadata, bool> done, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            // Taken before the read, so a change committed in between is not missed; another process's changes are polled.
            var changed = store.Signal.NextStateChange();
            var metadata = await GetInstanceAsync(instanceId, withData, cancellationToken).ConfigureAwait(false);
            if (metadata is not null && done(metadata))
            {
                return metadata;
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poll = Task.Delay(delay, time, stopWaiting.Token);
            await Task.WhenAny(changed, poll).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    private sealed class Pageable(StoreDurableTaskClient client, OrchestrationQuery query) : AsyncPageable<OrchestrationMetadata>
    {
        public override async IAsyncEnumerator<OrchestrationMetadata> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            await foreach (var item in ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }

        private async IAsyncEnumerable<OrchestrationMetadata> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var filter = ToFilter(query.CreatedFrom, query.CreatedTo, query.Statuses, query.InstanceIdPrefix);
            var after = long.TryParse(query.ContinuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var token) ? token : 0;
            var pageSize = Math.Max(1, query.PageSize);
            while (true)
            {
                var page = await client.Store.QueryInstancesAsync(filter, after, pageSize, cancellationToken).ConfigureAwait(false);
                foreach (var record in page)
                {
                    yield return client.ToMetadata(record, query.FetchInputsAndOutputs);
                    after = record.RowId;
                }

                if (page.Count < pageSize)
                {
                    yield break;
                }
            }
        }
    }
}
