using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RagnarokOps.Functions.Dashboard;

internal static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard and its panel sources. Cases and pipelines read the engine; incidents and probes stay "not
    /// configured" until their rooms register a source (TryAdd: a source registered before or after this one wins).
    /// Scoped, because on Azure the engine's client comes with each invocation.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName)
            .Validate(o => o.MaxTriageBytes > 0, $"{DashboardOptions.MaxTriageBytesSetting} must be a positive number of bytes")
            .Validate(o => o.RefreshMilliseconds >= 250, $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.RefreshMilliseconds)} must be at least 250")
            .Validate(o => o.MaxRows > 0, $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.MaxRows)} must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DashboardOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IIncidentPanelSource, NotConfiguredIncidentSource>();
        services.TryAddScoped<IProbePanelSource, NotConfiguredProbeSource>();
        services.TryAddScoped<ICasePanelSource, EngineCaseSource>();
        services.TryAddScoped<IPipelinePanelSource, EnginePipelineSource>();
        services.TryAddScoped<DashboardService>();
        return services;
    }
}
