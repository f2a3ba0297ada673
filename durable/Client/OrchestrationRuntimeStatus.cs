namespace RagnarokOps.DurableTask.Client;

/// <summary>The runtime status of an orchestration instance (same values as Microsoft.DurableTask).</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>The orchestration is running.</summary>
    Running = 0,

    /// <summary>The orchestration completed.</summary>
    Completed = 1,

    /// <summary>The orchestration continued as new (transient).</summary>
    ContinuedAsNew = 2,

    /// <summary>The orchestration failed.</summary>
    Failed = 3,

    /// <summary>The orchestration was canceled.</summary>
    Canceled = 4,

    /// <summary>The orchestration was terminated.</summary>
    Terminated = 5,

    /// <summary>The orchestration is scheduled but has not started.</summary>
    Pending = 6,

    /// <summary>The orchestration is suspended.</summary>
    Suspended = 7,
}
