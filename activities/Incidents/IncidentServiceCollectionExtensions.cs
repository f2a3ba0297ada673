using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Notifications;

namespace RagnarokOps.Activities.Incidents;

public static class IncidentServiceCollectionExtensions
{
    /// <summary>What the incident activities need: the GitLab client (when not registered already) and the notification senders (section Notifications).</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(IGitLabClient)))
        {
            services.AddGitLabClient(configuration);
        }

        services.AddLogging();
        services.AddNotifications(configuration);
        services.TryAddTransient<IncidentGitLab>();
        return services;
    }
}
