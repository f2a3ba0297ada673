using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;
using RagnarokOps.Domain.Redaction;

namespace RagnarokOps.Connectors.Notifications;

/// <summary>Sends through an SMTP server with MailKit, retrying connection failures a few times.</summary>
internal sealed class SmtpEmailSender(IOptions<NotificationOptions> options, TimeProvider time) : IEmailSender
{
    private const string Section = "Notifications:Smtp";

    private readonly NotificationOptions _options = options.Value;

    public IReadOnlyList<string> DefaultRecipients => _options.Email.Recipients();

    public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = _options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return SendResult.Skipped($"{Section}:Host is not set");
        }

        if (message.To.Count == 0)
        {
            return SendResult.Skipped("no recipients: Notifications:Email:To and the policy's incidents.email are empty");
        }

        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(ParseAddress(smtp.From, $"{Section}:From"));
        foreach (var to in message.To)
        {
            mime.To.Add(ParseAddress(to, "Notifications:Email:To"));
        }

        mime.Body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text }.ToMessageBody();
        await Retry(_options, time).ExecuteAsync(ct => new ValueTask(SendOnceAsync(smtp, mime, ct)), cancellationToken);
        return new SendResult(true, $"mailed {string.Join(", ", message.To)} through {smtp.Host}:{smtp.Port}");
    }

    internal static ResiliencePipeline Retry(NotificationOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<NotificationException>(e => e.InnerException is not AuthenticationException),
            });
        }

        return builder.Build();
    }

    private static async Task SendOnceAsync(SmtpSettings smtp, MimeMessage mime, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var at = $"{smtp.Host}:{smtp.Port}";
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SocketException e)
        {
            var problem = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.TimedOut => "connection timed out",
                _ => $"network error {e.SocketErrorCode}",
            };
            throw new NotificationException($"{Section}:Host", $"{problem} at {at}", e);
        }
        catch (AuthenticationException e)
        {
            throw new NotificationException($"{Section}:User", $"{at} refused the login of '{smtp.User}': {SecretRedactor.Redact(e.Message)}", e);
        }
        catch (SslHandshakeException e)
        {
            throw new NotificationException($"{Section}:UseTls", $"TLS handshake with {at} failed: {e.Message}", e);
        }
        catch (NotSupportedException e) when (smtp.UseTls)
        {
            throw new NotificationException($"{Section}:UseTls", $"{at} does not offer STARTTLS: {e.Message}", e);
        }
        catch (SmtpCommandException e)
        {
            throw new NotificationException($"{Section}:Host", $"{at} answered {(int)e.StatusCode} {SecretRedactor.Redact(e.Message)}", e);
        }
        catch (Exception e) when (e is ServiceNotConnectedException or SmtpProtocolException or IOException or TimeoutException)
        {
            throw new NotificationException($"{Section}:Host", $"{at}: {SecretRedactor.Redact(e.Message)}", e);
        }
    }

    private static MailboxAddress ParseAddress(string text, string setting) =>
        MailboxAddress.TryParse(text, out var address)
            ? address
            : throw new NotificationException(setting, $"'{text}' is not an email address");
}
