using Microsoft.Extensions.Logging;

namespace RagnarokOps.Functions.Approvals;

/// <summary>Approval link events (1200–1299, HTTP triggers). Tokens and keys are never arguments here.</summary>
internal static partial class ApprovalsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "Approvals:SigningKey is not set: approval links are signed with a key made for this process and stop working when it exits")]
    public static partial void EphemeralSigningKey(ILogger logger);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Approval link refused on {Method} for {InstanceId}: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string method, string instanceId, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Approval link for {InstanceId} is valid but the case waits for no approval")]
    public static partial void NothingPending(ILogger logger, string instanceId);
}
