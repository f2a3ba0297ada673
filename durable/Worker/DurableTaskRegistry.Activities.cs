using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.DurableTask.Worker;

public sealed partial class DurableTaskRegistry
{
    /// <summary>Registers an activity class, created from the DI container (in a new scope) for every call.</summary>
    /// <typeparam name="TActivity">The activity type.</typeparam>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity<TActivity>()
        where TActivity : class, ITaskActivity =>
        AddActivity(DurableTaskAttribute.GetTaskName(typeof(TActivity)), typeof(TActivity));

    /// <summary>Registers an activity class under a name, created from the DI container for every call.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="type">A type implementing <see cref="ITaskActivity"/>.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity(TaskName name, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ITaskActivity).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} does not implement {nameof(ITaskActivity)}.", nameof(type));
        }

        return AddActivity(name, sp => (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(sp, type));
    }

    /// <summary>Registers an activity instance under a name.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity (shared by all calls).</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity(TaskName name, ITaskActivity activity) => AddActivity(name, _ => activity);

    /// <summary>Registers an asynchronous activity function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput?, Task<TOutput>> activity) =>
        AddActivity(name, new FuncActivity<TInput, TOutput>(activity));

    /// <summary>Registers a synchronous activity function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput?, TOutput> activity) =>
        AddActivityFunc<TInput, TOutput>(name, (ctx, input) => Task.FromResult(activity(ctx, input)));

    /// <summary>Registers an asynchronous activity function without output.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TInput>(TaskName name, Func<TaskActivityContext, TInput?, Task> activity) =>
        AddActivityFunc<TInput, object?>(name, async (ctx, input) =>
        {
            await activity(ctx, input).ConfigureAwait(false);
            return null;
        });

    /// <summary>Registers an asynchronous activity function without input.</summary>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="activity">The activity function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TOutput>(TaskName name, Func<TaskActivityContext, Task<TOutput>> activity) =>
        AddActivityFunc<object?, TOutput>(name, (ctx, _) => activity(ctx));

    private DurableTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        if (!Activities.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An activity named '{name.Name}' is already registered.", nameof(name));
        }

        return this;
    }

    private sealed class FuncActivity<TInput, TOutput>(Func<TaskActivityContext, TInput?, Task<TOutput>> func)
        : TaskActivity<TInput?, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput? input) => func(context, input);
    }
}
