using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RagnarokOps.Functions.Schedules;

namespace RagnarokOps.Functions.FunctionsApp;

/// <summary>
/// The timer triggers on Azure Functions: each wakes every minute and runs the same scheduled job the local host's
/// timer runs; the job's own schedule (envsync.yaml's drift.schedule, …) decides what is due, and the slot's instance id
/// keeps a second instance of the app from starting it twice.
/// </summary>
public sealed class ScheduleFunctions
{
    public const string EveryMinute = "0 * * * * *";

    [Function(DriftTimer.JobName)]
    public Task DriftScheduleAsync([TimerTrigger(EveryMinute)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        TickAsync<DriftTimer>(client, context);

    [Function(ProbeTimer.JobName)]
    public Task ProbeScheduleAsync([TimerTrigger(EveryMinute)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        TickAsync<ProbeTimer>(client, context);

    private static async Task TickAsync<TJob>(DurableTaskClient client, FunctionContext context)
        where TJob : class, IScheduledJob
    {
        var services = context.InstanceServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger<ScheduleFunctions>();
        if (services.GetService<TJob>() is not { } job)
        {
            log.LogWarning("{Job}: not run: GitLab:BaseUrl and GitLab:Token are not both set", typeof(TJob).Name);
            return;
        }

        var tick = await job.TickAsync(client, services.GetRequiredService<TimeProvider>().GetUtcNow(), context.CancellationToken);
        foreach (var line in tick.Started)
        {
            log.LogInformation("{Job}: started {What}", tick.Job, line);
        }

        foreach (var line in tick.NotStarted)
        {
            log.LogInformation("{Job}: not started: {Why}", tick.Job, line);
        }
    }
}
