using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RagnarokOps.Connectors.Probes;

public static class ProbeConnectorServiceCollectionExtensions
{
    /// <summary>The probes (HTTP, /proc, PostgreSQL) behind <see cref="IProbeRunner"/>, and <see cref="IProbeHistory"/> on the host's table storage.</summary>
    public static IServiceCollection AddProbeConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new HttpProbe(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new HostProbe(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PostgresProbe(configuration, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IProbeRunner, ProbeRunner>();
        services.TryAddSingleton<IProbeHistory>(_ => new TableProbeHistory(ProbeHistoryStorage.Open(configuration)));
        return services;
    }
}
