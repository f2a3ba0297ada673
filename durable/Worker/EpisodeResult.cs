using RagnarokOps.DurableTask.Client;
using RagnarokOps.DurableTask.Storage;

namespace RagnarokOps.DurableTask.Worker;

/// <summary>What one replay episode decided: history to append, new actions, and how (if) the instance ends.</summary>
internal sealed class EpisodeResult
{
    public List<HistoryEvent> NewHistory { get; } = [];

    public List<HistoryEvent> Actions { get; } = [];

    public OrchestrationRuntimeStatus? Completion { get; set; }

    public string? Output { get; set; }

    public TaskFailureDetails? Failure { get; set; }

    public string? CustomStatus { get; set; }

    /// <summary>Set on ContinueAsNew: the new input and the external events to carry over.</summary>
    public string? ContinueAsNewInput { get; set; }

    public List<HistoryEvent> CarryOverEvents { get; } = [];

    public HistoryEvent? Started { get; set; }

    /// <summary>Tasks (activities, timers, sub-orchestrations) scheduled and not yet completed, after this episode.</summary>
    public int OpenTasks { get; set; }

    /// <summary>Whether the orchestrator waits for an external event that has not arrived.</summary>
    public bool AwaitsEvents { get; set; }
}
