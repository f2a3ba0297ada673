namespace RagnarokOps.DurableTask;

/// <summary>Common interface for activities, whatever their input and output types.</summary>
public interface ITaskActivity
{
    /// <summary>Gets the type the input is deserialized into.</summary>
    Type InputType { get; }

    /// <summary>Gets the type of the output.</summary>
    Type OutputType { get; }

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The deserialized input.</param>
    /// <returns>The output of the activity.</returns>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>Base class for activities with typed input and output.</summary>
/// <remarks>Activities run at least once: a crash after the work but before the commit runs them again.</remarks>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc/>
    public Type InputType => typeof(TInput);

    /// <inheritdoc/>
    public Type OutputType => typeof(TOutput);

    /// <summary>Override to implement the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The input of the activity.</param>
    /// <returns>The output of the activity.</returns>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
}

/// <summary>The context an activity runs in.</summary>
public abstract class TaskActivityContext
{
    /// <summary>Gets the name of the activity.</summary>
    public abstract TaskName Name { get; }

    /// <summary>Gets the instance id of the orchestration that scheduled the activity.</summary>
    public abstract string InstanceId { get; }
}
