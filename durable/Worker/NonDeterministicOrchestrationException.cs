namespace RagnarokOps.DurableTask.Worker;

/// <summary>The orchestrator's code no longer matches the instance's history.</summary>
/// <param name="message">Names the action in history and the one the code now takes.</param>
public sealed class NonDeterministicOrchestrationException(string message) : Exception(message);
