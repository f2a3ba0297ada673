namespace RagnarokOps.DurableTask;

/// <summary>Common interface for orchestrators, whatever their input and output types.</summary>
public interface ITaskOrchestrator
{
    /// <summary>Gets the type the input is deserialized into.</summary>
    Type InputType { get; }

    /// <summary>Gets the type of the output.</summary>
    Type OutputType { get; }

    /// <summary>Runs the orchestrator logic.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The deserialized input.</param>
    /// <returns>The output of the orchestration.</returns>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>Base class for orchestrators with typed input and output.</summary>
/// <remarks>
/// Orchestrator code is replayed from history on every episode and must be deterministic: use
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, <see cref="TaskOrchestrationContext.NewGuid"/> and
/// <see cref="TaskOrchestrationContext.CreateTimer(DateTime, CancellationToken)"/> instead of the clock, random
/// ids and delays. Changing an orchestrator breaks instances that are in flight.
/// </remarks>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc/>
    public Type InputType => typeof(TInput);

    /// <inheritdoc/>
    public Type OutputType => typeof(TOutput);

    /// <summary>Override to implement the orchestration.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The input of the orchestration.</param>
    /// <returns>The output of the orchestration.</returns>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(true);
}
