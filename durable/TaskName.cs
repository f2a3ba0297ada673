namespace RagnarokOps.DurableTask;

/// <summary>The name (and optional version) of an orchestrator or activity.</summary>
public readonly record struct TaskName
{
    /// <summary>Initializes a new <see cref="TaskName"/>.</summary>
    /// <param name="name">The task name; compared case-insensitively by the registry.</param>
    /// <param name="version">An optional version, unused by this engine but kept for API parity.</param>
    public TaskName(string name, string? version = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Version = version ?? string.Empty;
    }

    /// <summary>Gets the name of the task.</summary>
    public string Name { get; }

    /// <summary>Gets the version of the task (empty when none).</summary>
    public string Version { get; }

    /// <summary>Converts a string into a <see cref="TaskName"/>.</summary>
    /// <param name="name">The task name.</param>
    public static implicit operator TaskName(string name) => new(name);

    /// <summary>Converts a string into a <see cref="TaskName"/>.</summary>
    /// <param name="name">The task name.</param>
    /// <returns>The task name.</returns>
    public static TaskName FromString(string name) => new(name);

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(Version) ? Name ?? string.Empty : $"{Name}:{Version}";
}
