using Microsoft.Extensions.Logging;

namespace RagnarokOps.Sandbox.Webhooks;

/// <summary>Webhook delivery logs (48xx: the GitLab sandbox, beside the 4xxx connectors it stands in for).</summary>
internal static partial class Log
{
    [LoggerMessage(4801, LogLevel.Information, "Delivered {Event} #{EventId} to hook {HookId}: {Status}")]
    public static partial void Delivered(ILogger logger, string @event, long eventId, long hookId, int status);

    [LoggerMessage(4802, LogLevel.Warning, "Delivery of {Event} #{EventId} to hook {HookId} failed (attempt {Attempt}): {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string @event, long eventId, long hookId, int attempt, string reason);

    [LoggerMessage(4803, LogLevel.Warning, "Recursive webhook blocked: {Event} to hook {HookId} is already in the chain of event {EventUuid}")]
    public static partial void RecursionBlocked(ILogger logger, string @event, long hookId, string eventUuid);
}
