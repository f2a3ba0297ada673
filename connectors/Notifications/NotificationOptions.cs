namespace RagnarokOps.Connectors.Notifications;

/// <summary>The <c>Notifications</c> section: SMTP server, mail recipients and chat incoming webhooks.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    public SmtpSettings Smtp { get; set; } = new();

    public EmailSettings Email { get; set; } = new();

    public ChatSettings Chat { get; set; } = new();

    /// <summary>Retries of one send before it fails (the orchestration retries the activity on top).</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class SmtpSettings
{
    /// <summary>Empty: no email is sent, and the outcome says so.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string From { get; set; } = "ragnarok@localhost";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>True: STARTTLS is required (or implicit TLS on port 465); false: plain SMTP (local relays, tests).</summary>
    public bool UseTls { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class EmailSettings
{
    /// <summary>Comma- or semicolon-separated addresses mailed for every incident.</summary>
    public string? To { get; set; }

    public IReadOnlyList<string> Recipients() =>
        (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class ChatSettings
{
    public string? SlackUrl { get; set; }

    public string? TeamsUrl { get; set; }
}
