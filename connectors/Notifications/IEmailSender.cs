namespace RagnarokOps.Connectors.Notifications;

/// <summary>An email with an HTML and a plain-text part.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Html, string Text);

/// <summary>Sends mail; failures throw <see cref="NotificationException"/> naming the setting.</summary>
public interface IEmailSender
{
    /// <summary>The configured recipients (Notifications:Email:To).</summary>
    IReadOnlyList<string> DefaultRecipients { get; }

    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Posts a JSON payload to a chat incoming webhook (Slack or Teams).</summary>
public interface IChatSender
{
    Task<SendResult> SendAsync(ChatChannel channel, string json, CancellationToken cancellationToken);
}

public enum ChatChannel
{
    Slack,
    Teams,
}
