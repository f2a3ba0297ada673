using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RagnarokOps.Connectors.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Binds <see cref="NotificationOptions"/> (section Notifications) and registers the SMTP and chat webhook senders.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHttpClient<IChatSender, WebhookChatSender>(http => http.Timeout = TimeSpan.FromSeconds(20));
        return services;
    }
}
