namespace RagnarokOps.Connectors.Notifications;

/// <summary>A notification that could not be delivered; the message starts with the setting to look at.</summary>
public sealed class NotificationException(string setting, string problem, Exception? inner = null)
    : Exception($"{setting}: {problem}", inner)
{
    public string Setting { get; } = setting;
}

/// <summary>What a sender did: sent, or not sent and why (not configured).</summary>
public sealed record SendResult(bool Sent, string Detail)
{
    public static SendResult Skipped(string why) => new(false, why);
}
