using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace RagnarokOps.Connectors.Notifications;

/// <summary>Posts to Slack and Teams incoming webhooks; the URL is a secret and never appears in an error.</summary>
internal sealed class WebhookChatSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time) : IChatSender
{
    private readonly NotificationOptions _options = options.Value;

    public async Task<SendResult> SendAsync(ChatChannel channel, string json, CancellationToken cancellationToken)
    {
        var (setting, url) = channel == ChatChannel.Slack
            ? ("Notifications:Chat:SlackUrl", _options.Chat.SlackUrl)
            : ("Notifications:Chat:TeamsUrl", _options.Chat.TeamsUrl);
        if (string.IsNullOrWhiteSpace(url))
        {
            return SendResult.Skipped($"{setting} is not set");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new NotificationException(setting, "is not an absolute http(s) URL");
        }

        var at = $"{uri.Host}:{uri.Port}";
        await SmtpEmailSender.Retry(_options, time).ExecuteAsync(async ct =>
        {
            try
            {
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(uri, content, ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new NotificationException(setting, $"{at} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }
            }
            catch (HttpRequestException e)
            {
                var problem = e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } ? "connection refused" : e.HttpRequestError.ToString();
                throw new NotificationException(setting, $"{problem} at {at}", e);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new NotificationException(setting, $"{at} did not answer in time", e);
            }
        }, cancellationToken);
        return new SendResult(true, $"posted to {channel} ({uri.Host})");
    }
}
