using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Connectors.GitLab;

namespace RagnarokOps.Activities.Environments;

public static class EnvironmentServiceCollectionExtensions
{
    /// <summary>
    /// What environment operations need: the GitLab client (when not registered already), the reads and writes,
    /// the direct runner the CLI and query endpoints use, and <see cref="EnvironmentOptions"/> (section Environments).
    /// </summary>
    public static IServiceCollection AddEnvironments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(IGitLabClient)))
        {
            services.AddGitLabClient(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddTransient<EnvironmentGitLab>();
        services.TryAddTransient<EnvironmentWrites>();
        services.TryAddTransient<EnvironmentRunner>();
        services.AddOptions<EnvironmentOptions>().Bind(configuration.GetSection(EnvironmentOptions.SectionName));
        return services;
    }
}
