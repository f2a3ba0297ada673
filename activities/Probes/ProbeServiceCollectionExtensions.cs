using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RagnarokOps.Connectors.Probes;

namespace RagnarokOps.Activities.Probes;

public static class ProbeServiceCollectionExtensions
{
    /// <summary>What probe activities need: the probes and the history table. Needs no GitLab.</summary>
    public static IServiceCollection AddProbes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        return services.AddProbeConnectors(configuration);
    }
}
