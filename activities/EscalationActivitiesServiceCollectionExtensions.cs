using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Activities.Cases;
using RagnarokOps.Activities.Diagnosis;
using RagnarokOps.Activities.Repro;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Logs;

namespace RagnarokOps.Activities;

public static class EscalationActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the escalation activities need: the GitLab client, log sources and artifact store (each only
    /// when not registered already), the policy and issue readers, and replay settings (section <c>Replay</c>).
    /// The host must also register an <see cref="Reporting.IApprovalLinkIssuer"/>.
    /// </summary>
    /// <param name="dataDirectory">Where the folder artifact store writes when <c>AzureWebJobsStorage</c> is empty; <c>Ragnarok:DataDirectory</c> or <c>.ragnarok</c> when null.</param>
    public static IServiceCollection AddEscalationActivities(this IServiceCollection services, IConfiguration configuration, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(IGitLabClient)))
        {
            services.AddGitLabClient(configuration);
        }

        if (!services.Any(d => d.ServiceType == typeof(ILogSource)))
        {
            services.AddRagnarokLogSources(configuration);
        }

        if (!services.Any(d => d.ServiceType == typeof(IArtifactStore)))
        {
            services.AddRagnarokArtifactStore(configuration, dataDirectory ?? configuration["Ragnarok:DataDirectory"] ?? ".ragnarok");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddTransient<RepositoryReader>();
        services.TryAddTransient<EscalationReader>();
        services.TryAddTransient<CaseDiagnoser>();
        services.TryAddTransient<Hotfix.HotfixBranch>();
        services.TryAddTransient<Duplicates.CaseIndex>();
        services.TryAddTransient<Environments.EnvironmentGitLab>();
        services.AddOptions<ReplayOptions>().Bind(configuration.GetSection(ReplayOptions.SectionName));
        // No redirects: a staging URL that redirects must not carry the replay anywhere the policy did not name.
        services.AddHttpClient(ReplayOptions.HttpClientName, (sp, http) => http.Timeout = ReplayOptions.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
