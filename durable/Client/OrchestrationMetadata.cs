namespace RagnarokOps.DurableTask.Client;

/// <summary>The state of an orchestration instance as a client sees it.</summary>
/// <param name="Name">The orchestrator name.</param>
/// <param name="InstanceId">The instance id.</param>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    /// <summary>Gets the runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>Gets when the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Gets the serialized input, when inputs and outputs were fetched.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Gets the serialized output, when inputs and outputs were fetched.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Gets the serialized custom status, when inputs and outputs were fetched.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Gets the failure details of a failed instance.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Gets whether the instance is running (or pending, or suspended).</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
        or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew;

    /// <summary>Gets whether the instance reached a terminal state.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;

    internal DataConverter DataConverter { get; init; } = JsonDataConverter.Default;

    /// <summary>Deserializes the input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input, or default.</returns>
    public T? ReadInputAs<T>() => DataConverter.Deserialize<T>(SerializedInput);

    /// <summary>Deserializes the output.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <returns>The output, or default.</returns>
    public T? ReadOutputAs<T>() => DataConverter.Deserialize<T>(SerializedOutput);

    /// <summary>Deserializes the custom status.</summary>
    /// <typeparam name="T">The custom status type.</typeparam>
    /// <returns>The custom status, or default.</returns>
    public T? ReadCustomStatusAs<T>() => DataConverter.Deserialize<T>(SerializedCustomStatus);
}
