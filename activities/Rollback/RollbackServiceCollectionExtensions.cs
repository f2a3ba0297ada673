using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Activities.Environments;

namespace RagnarokOps.Activities.Rollback;

public static class RollbackServiceCollectionExtensions
{
    /// <summary>The rollback reads and writes and the direct runner the CLI uses, on top of <see cref="EnvironmentServiceCollectionExtensions.AddEnvironments"/>.</summary>
    public static IServiceCollection AddRollback(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddEnvironments(configuration);
        services.TryAddTransient<RollbackGitLab>();
        services.TryAddTransient<RollbackWrites>();
        services.TryAddTransient<RollbackRunner>();
        return services;
    }
}
