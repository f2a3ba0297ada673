using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>The orchestrators and activities a worker can run, by name (case-insensitive).</summary>
public sealed partial class DurableTaskRegistry
{
    internal Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> Orchestrators { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, Func<IServiceProvider, ITaskActivity>> Activities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator class, named by <see cref="DurableTaskAttribute"/> or its class name.</summary>
    /// <typeparam name="TOrchestrator">The orchestrator type.</typeparam>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator =>
        AddOrchestrator(DurableTaskAttribute.GetTaskName(typeof(TOrchestrator)), typeof(TOrchestrator));

    /// <summary>Registers an orchestrator class under a name.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="type">A type implementing <see cref="ITaskOrchestrator"/>.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator(TaskName name, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ITaskOrchestrator).IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type} does not implement {nameof(ITaskOrchestrator)}.", nameof(type));
        }

        return AddOrchestrator(name, sp => (ITaskOrchestrator)ActivatorUtilities.CreateInstance(sp, type));
    }

    /// <summary>Registers an orchestrator instance under a name.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator (shared by all instances: keep it stateless).</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator(TaskName name, ITaskOrchestrator orchestrator) => AddOrchestrator(name, _ => orchestrator);

    /// <summary>Registers an orchestrator function with input and output.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(
        TaskName name, Func<TaskOrchestrationContext, TInput?, Task<TOutput>> orchestrator) =>
        AddOrchestrator(name, new FuncOrchestrator<TInput, TOutput>(orchestrator));

    /// <summary>Registers an orchestrator function with an input and no output.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TInput>(TaskName name, Func<TaskOrchestrationContext, TInput?, Task> orchestrator) =>
        AddOrchestratorFunc<TInput, object?>(name, async (ctx, input) =>
        {
            await orchestrator(ctx, input).ConfigureAwait(true);
            return null;
        });

    /// <summary>Registers an orchestrator function with an output and no input.</summary>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TOutput>(TaskName name, Func<TaskOrchestrationContext, Task<TOutput>> orchestrator) =>
        AddOrchestratorFunc<object?, TOutput>(name, (ctx, _) => orchestrator(ctx));

    /// <summary>Registers an orchestrator function without input or output.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="orchestrator">The orchestrator function.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc(TaskName name, Func<TaskOrchestrationContext, Task> orchestrator) =>
        AddOrchestratorFunc<object?>(name, (ctx, _) => orchestrator(ctx));

    private DurableTaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        if (!Orchestrators.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An orchestrator named '{name.Name}' is already registered.", nameof(name));
        }

        return this;
    }

    private sealed class FuncOrchestrator<TInput, TOutput>(Func<TaskOrchestrationContext, TInput?, Task<TOutput>> func)
        : TaskOrchestrator<TInput?, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput? input) => func(context, input);
    }
}
