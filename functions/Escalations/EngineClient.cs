using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.Escalations;

/// <summary>
/// The engine's client as the escalation services see it. A wrapper, not the client itself, so that a container
/// never disposes a client it does not own: on Azure each invocation's client belongs to the Functions runtime.
/// </summary>
internal sealed record EngineClient(DurableTaskClient Client);
