namespace RagnarokOps.Functions.Webhooks;

/// <summary>Durable Functions' check-status payload for a started case, from whichever host serves the management API.</summary>
internal interface ICheckStatusLinks
{
    CheckStatusPayload For(HttpRequest request, string instanceId);
}
