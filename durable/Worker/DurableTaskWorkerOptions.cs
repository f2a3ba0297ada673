namespace RagnarokOps.DurableTask.Worker;

/// <summary>Settings of the durable task worker.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Gets or sets how many activities may run at once.</summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>
    /// Gets or sets how many orchestration steps may be in flight at once (replaying or waiting for their commit);
    /// replay itself is short, so most of them wait on the group commit.
    /// </summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// Gets or sets how often a work item may be handed out before it counts as poison and fails its instance.
    /// </summary>
    public int MaxDequeueCount { get; set; } = 10;

    /// <summary>Gets or sets how long a worker owns a locked work item before another may take it over.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the longest pause between polls when no work was signalled in-process.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the converter for inputs, outputs and payloads (System.Text.Json, web defaults).</summary>
    public DataConverter DataConverter { get; set; } = JsonDataConverter.Default;
}
