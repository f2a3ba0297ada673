using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Activities.Environments;

namespace RagnarokOps.Activities.Pipelines;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Pipeline triage and the Pipeline Doctor: the environment reads (and the GitLab client) plus the triage runner.</summary>
    public static IServiceCollection AddPipelineTriage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddEnvironments(configuration);
        services.TryAddTransient<PipelineTriageRunner>();
        return services;
    }
}
