using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Activities.Environments;

namespace RagnarokOps.Activities.CherryPick;

public static class CherryPickServiceCollectionExtensions
{
    /// <summary>The cherry-pick reads and writes and the direct runner the CLI uses, on top of <see cref="EnvironmentServiceCollectionExtensions.AddEnvironments"/>.</summary>
    public static IServiceCollection AddCherryPick(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(EnvironmentGitLab)))
        {
            services.AddEnvironments(configuration);
        }

        services.TryAddTransient<CherryPickGitLab>();
        services.TryAddTransient<CherryPickRunner>();
        return services;
    }
}
