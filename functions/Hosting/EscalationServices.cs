using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Logs;
using Microsoft.DurableTask;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.LocalEngine;
using RagnarokOps.Functions.Webhooks;
using RagnarokOps.Orchestrations.Escalation;

namespace RagnarokOps.Functions.Hosting;

/// <summary>The escalation flow's services: the local Durable Task engine, approvals over it, webhooks and the connectors.</summary>
internal static class EscalationServices
{
    public static IServiceCollection AddEscalationEngine(this IServiceCollection services, HostConfiguration configuration, HostPaths paths)
    {
        var settings = configuration.Configuration;
        services.AddLocalDurableTask(configuration, r => r.AddOrchestrator<EscalationOrchestration>().AddEscalationActivities());

        services.AddApprovals(configuration);
        services.AddSingleton<IApprovalDecisionSink, EngineApprovalDecisionSink>();
        services.Replace(ServiceDescriptor.Singleton<IApprovalRequestSource, EngineApprovalRequests>());

        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddOptions<GitLabOptions>().BindConfiguration(GitLabOptions.SectionName);
        services.AddSingleton<EscalationStarter>();
        services.AddHttpClient(nameof(WebhookWarmup));
        services.AddHostedService<WebhookWarmup>();
        services.AddSingleton<NoteCommandHandler>();

        services.AddSingleton<IApprovalLinkIssuer, ApprovalLinkIssuer>();
        services.AddRagnarokLogSources(settings);
        services.AddRagnarokArtifactStore(settings, paths.DataDirectory);

        // Without a GitLab address and token the host still serves (and says so at start); the GitLab client's own
        // validation would stop it, so the activities that need GitLab are wired only when it is configured.
        if (!string.IsNullOrWhiteSpace(settings["GitLab:BaseUrl"]) && !string.IsNullOrWhiteSpace(settings["GitLab:Token"]))
        {
            services.AddGitLabClient(settings);
            services.AddEscalationActivities(settings, paths.DataDirectory);
        }

        return services;
    }
}
