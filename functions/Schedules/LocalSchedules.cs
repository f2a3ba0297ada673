using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagnarokOps.Functions.Escalations;

namespace RagnarokOps.Functions.Schedules;

/// <summary>
/// The local host's timer: every <see cref="ScheduleOptions.TickSeconds"/> (first tick at start) each scheduled job
/// starts what is due. A failing tick is logged and the next one tries again; a reason for not starting something is
/// logged when it changes, not every minute.
/// </summary>
internal sealed partial class LocalSchedules(
    IServiceScopeFactory scopes, EngineClient engine, IOptions<ScheduleOptions> options, TimeProvider time, ILogger<LocalSchedules> log) : BackgroundService
{
    private readonly Dictionary<string, string> _lastReasons = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.Disabled(log, ScheduleOptions.SectionName);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.TickSeconds)), time);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One tick of every job; what each started and why the rest did not start.</summary>
    public async Task<IReadOnlyList<ScheduleTick>> TickAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var ticks = new List<ScheduleTick>();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            try
            {
                var tick = await job.TickAsync(engine.Client, time.GetUtcNow(), cancellationToken);
                Report(tick);
                ticks.Add(tick);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TickFailed(log, job.Name, ex.Message);
            }
        }

        return ticks;
    }

    private void Report(ScheduleTick tick)
    {
        foreach (var started in tick.Started)
        {
            Log.Started(log, tick.Job, started);
        }

        var reasons = string.Join("\n", tick.NotStarted.Where(r => !r.Contains("already ran", StringComparison.Ordinal)));
        if (_lastReasons.GetValueOrDefault(tick.Job) != reasons && reasons.Length > 0)
        {
            Log.NotStarted(log, tick.Job, reasons);
        }

        _lastReasons[tick.Job] = reasons;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5201, LogLevel.Information, "Schedules off ({Section}:Enabled=false): no timer-started work on this host")]
        public static partial void Disabled(ILogger logger, string section);

        [LoggerMessage(5202, LogLevel.Information, "{Job}: started {What}")]
        public static partial void Started(ILogger logger, string job, string what);

        [LoggerMessage(5203, LogLevel.Information, "{Job}: not started: {Reasons}")]
        public static partial void NotStarted(ILogger logger, string job, string reasons);

        [LoggerMessage(5204, LogLevel.Warning, "{Job}: the tick failed, the next one tries again: {Error}")]
        public static partial void TickFailed(ILogger logger, string job, string error);
    }
}
