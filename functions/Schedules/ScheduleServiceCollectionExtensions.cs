using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.Functions.Schedules;

internal static class ScheduleServiceCollectionExtensions
{
    /// <summary>Every scheduled job's name; the Functions app has a timer trigger of that name for each (a test checks).</summary>
    public static IReadOnlyList<string> JobNames { get; } = [DriftTimer.JobName, ProbeTimer.JobName];

    /// <summary>The scheduled jobs both hosts run (scoped: on Azure each timer invocation brings its own engine client).</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddScoped<DriftTimer>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<DriftTimer>());
        return services;
    }

    /// <summary>The probe round each minute; registered apart from the GitLab jobs because probes need no GitLab.</summary>
    public static IServiceCollection AddProbeSchedule(this IServiceCollection services)
    {
        services.AddScoped<ProbeTimer>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<ProbeTimer>());
        return services;
    }

    /// <summary>The local host's timer over the scheduled jobs.</summary>
    public static IServiceCollection AddLocalSchedules(this IServiceCollection services)
    {
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName);
        services.AddSingleton<LocalSchedules>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalSchedules>());
        return services;
    }
}
