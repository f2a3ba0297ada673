namespace RagnarokOps.DurableTask;

/// <summary>Thrown into an orchestration when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Initializes a new <see cref="TaskFailedException"/>.</summary>
    /// <param name="taskName">The failed task.</param>
    /// <param name="taskId">The task's sequence number in the orchestration.</param>
    /// <param name="failureDetails">What went wrong.</param>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Gets the name of the failed task.</summary>
    public string TaskName { get; }

    /// <summary>Gets the task's sequence number.</summary>
    public int TaskId { get; }

    /// <summary>Gets the failure details.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
