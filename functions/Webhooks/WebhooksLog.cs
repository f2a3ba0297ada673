using Microsoft.Extensions.Logging;

namespace RagnarokOps.Functions.Webhooks;

internal static partial class WebhooksLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "GitLab webhook refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "GitLab webhook ignored ({EventHeader}): {Reason}")]
    public static partial void Ignored(ILogger logger, string? eventHeader, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Escalation {InstanceId} {What} by {Trigger}")]
    public static partial void Started(ILogger logger, string instanceId, string what, string trigger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Note command on {InstanceId}: {Outcome}")]
    public static partial void NoteCommand(ILogger logger, string instanceId, string outcome);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Could not check the access level of user {UserId} on project {ProjectId}")]
    public static partial void MemberLookupFailed(ILogger logger, Exception exception, long? userId, long projectId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Could not post why a note command on {InstanceId} was refused")]
    public static partial void ExplanationNotPosted(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Webhook warm-up failed; the first delivery will be slower: {Reason}")]
    public static partial void WarmupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Webhook endpoint warmed up: {Status} in {Milliseconds:0} ms")]
    public static partial void WarmedUp(ILogger logger, int status, double milliseconds);
}
