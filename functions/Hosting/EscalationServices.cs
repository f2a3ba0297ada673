using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagnarokOps.Activities;
using RagnarokOps.Activities.Reporting;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Connectors.GitLab;
using RagnarokOps.Connectors.Logs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RagnarokOps.Functions.Approvals;
using RagnarokOps.Functions.Escalations;
using RagnarokOps.Functions.LocalEngine;
using RagnarokOps.Functions.Management;
using RagnarokOps.Functions.Schedules;
using RagnarokOps.Functions.Webhooks;
using RagnarokOps.Activities.CherryPick;
using RagnarokOps.Activities.Environments;
using RagnarokOps.Orchestrations.CherryPick;
using RagnarokOps.Orchestrations.Environments;
using RagnarokOps.Activities.Pipelines;
using RagnarokOps.Orchestrations.Pipelines;
using RagnarokOps.Activities.Incidents;
using RagnarokOps.Orchestrations.Incidents;
using RagnarokOps.Orchestrations.Rollback;
using RagnarokOps.Activities.Rollback;
using RagnarokOps.Orchestrations.Escalation;
using RagnarokOps.Activities.Probes;
using RagnarokOps.Orchestrations.Probes;

using RagnarokOps.Functions.Dashboard;

namespace RagnarokOps.Functions.Hosting;

/// <summary>The escalation flow's services: the local Durable Task engine, approvals over it, webhooks and the connectors.</summary>
internal static class EscalationServices
{
    /// <summary>The orchestrators the local host registers; the Functions app has a trigger for each (a test checks both lists).</summary>
    public static IReadOnlyList<string> Orchestrators { get; } =
        [EscalationOrchestration.Name, EnvStatusOrchestration.Name, DriftCheckOrchestration.Name, PromoteOrchestration.Name, EnvsyncCommandOrchestration.Name,
         CherryPickOrchestration.Name,
         PipelineTriageOrchestration.Name,
         IncidentOrchestration.Name,
         ProbeRoundOrchestration.Name,
         RollbackOrchestration.Name];

    /// <summary>Every activity the hosts run, by name.</summary>
    public static IReadOnlyDictionary<string, Type> Activities { get; } =
        EscalationRegistryExtensions.ActivityTypes.Concat(EnvironmentActivityRegistry.ActivityTypes)
            .Concat(CherryPickActivityRegistry.ActivityTypes)
            .Concat(PipelineActivityRegistry.ActivityTypes)
            .Concat(IncidentActivityRegistry.ActivityTypes)
            .Concat(ProbeActivityRegistry.ActivityTypes)
            .Concat(RollbackActivityRegistry.ActivityTypes)
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>The local host: the escalation services plus the local engine running the escalation's tasks.</summary>
    public static IServiceCollection AddEscalationEngine(this IServiceCollection services, HostConfiguration configuration, HostPaths paths)
    {
        services.AddLocalDurableTask(configuration, r => r.AddOrchestrator<EscalationOrchestration>().AddEscalationActivities().AddEnvironmentTasks()
            .AddCherryPickTasks()
            .AddPipelineTasks()
            .AddIncidentTasks()
            .AddProbeTasks()
            .AddRollbackTasks());
        services.Configure<ManagementApiOptions>(o => o.Orchestrators = new HashSet<string>(Orchestrators, StringComparer.OrdinalIgnoreCase));
        services.AddSingleton(sp => new EngineClient(sp.GetRequiredService<DurableTaskClient>()));
        services.AddScoped<ICheckStatusLinks, LocalCheckStatusLinks>();
        services.AddHttpClient(nameof(WebhookWarmup));
        services.AddHostedService<WebhookWarmup>();
        services.AddLocalSchedules();
        return services.AddEscalationServices(configuration, paths);
    }

    /// <summary>
    /// What both hosts share: approvals over the engine, webhooks and the connectors. Whatever needs the engine's client
    /// is scoped, because on Azure the client comes with each function invocation (<c>[DurableClient]</c>).
    /// </summary>
    public static IServiceCollection AddEscalationServices(this IServiceCollection services, HostConfiguration configuration, HostPaths paths)
    {
        var settings = configuration.Configuration;
        services.AddApprovals(configuration);
        services.AddDashboard();
        services.AddScoped<IApprovalDecisionSink, EngineApprovalDecisionSink>();
        services.Replace(ServiceDescriptor.Scoped<IApprovalRequestSource, EngineApprovalRequests>());

        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddOptions<GitLabOptions>().BindConfiguration(GitLabOptions.SectionName);
        services.AddScoped<EscalationStarter>();
        services.AddScoped<NoteCommandHandler>();
        services.AddScoped<EnvsyncCommandHandler>();
        services.AddScoped<Pipelines.PipelineHookHandler>();

        services.AddSingleton<IApprovalLinkIssuer, ApprovalLinkIssuer>();
        services.AddRagnarokLogSources(settings);
        services.AddRagnarokArtifactStore(settings, paths.DataDirectory);
        services.AddProbes(settings).AddProbeSchedule();
        services.AddSingleton<IProbePanelSource, ProbeHistorySource>(); // singleton: it caches the policies' targets

        // Without a GitLab address and token the host still serves (and says so at start); the GitLab client's own
        // validation would stop it, so the activities that need GitLab are wired only when it is configured.
        if (!string.IsNullOrWhiteSpace(settings["GitLab:BaseUrl"]) && !string.IsNullOrWhiteSpace(settings["GitLab:Token"]))
        {
            services.AddGitLabClient(settings);
            services.AddEscalationActivities(settings, paths.DataDirectory);
            services.AddEnvironments(settings);
            services.AddCherryPick(settings);
            services.AddPipelineTriage(settings);
            services.AddIncidents(settings);
            services.AddScoped<IIncidentPanelSource, GitLabIncidentSource>();
            services.AddRollback(settings);
            services.AddScheduledJobs();
        }

        return services;
    }
}
