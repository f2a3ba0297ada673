using Microsoft.Extensions.DependencyInjection;

namespace RagnarokOps.Functions.Schedules;

internal static class ScheduleServiceCollectionExtensions
{
    /// <summary>Every scheduled job's name; the Functions app has a timer trigger of that name for each (a test checks).</summary>
    public static IReadOnlyList<string> JobNames { get; } = [DriftTimer.JobName];

    /// <summary>The scheduled jobs both hosts run (scoped: on Azure each timer invocation brings its own engine client).</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddScoped<DriftTimer>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<DriftTimer>());
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
