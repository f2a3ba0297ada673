namespace RagnarokOps.DurableTask.Client;

/// <summary>A filter for <see cref="DurableTaskClient.GetAllInstancesAsync"/>.</summary>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created at or before this time.</param>
/// <param name="Statuses">Only instances in these statuses.</param>
/// <param name="InstanceIdPrefix">Only instance ids starting with this prefix.</param>
/// <param name="PageSize">How many instances to read per page.</param>
/// <param name="FetchInputsAndOutputs">Whether to include inputs, outputs and custom statuses.</param>
/// <param name="ContinuationToken">Where the previous page stopped.</param>
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 100;
}

/// <summary>A filter for <see cref="DurableTaskClient.PurgeAllInstancesAsync"/>.</summary>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created at or before this time.</param>
/// <param name="Statuses">Only instances in these (terminal) statuses; <c>null</c> for all terminal statuses.</param>
public record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>The result of a purge.</summary>
/// <param name="PurgedInstanceCount">How many instances were deleted.</param>
public record PurgeResult(int PurgedInstanceCount);

/// <summary>An asynchronous sequence of items read page by page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    /// <inheritdoc/>
    public abstract IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default);
}
