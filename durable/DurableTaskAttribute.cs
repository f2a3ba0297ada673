namespace RagnarokOps.DurableTask;

/// <summary>Names an orchestrator or activity class; without it the class name is used.</summary>
/// <param name="name">The task name to register the class under.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DurableTaskAttribute(string? name = null) : Attribute
{
    /// <summary>Gets the task name, or <c>null</c> to use the class name.</summary>
    public TaskName? Name { get; } = string.IsNullOrEmpty(name) ? default(TaskName?) : new TaskName(name!);

    internal static TaskName GetTaskName(Type type) =>
        type.GetCustomAttributes(typeof(DurableTaskAttribute), false) is [DurableTaskAttribute { Name: { } n }, ..]
            ? n
            : new TaskName(type.Name);
}
