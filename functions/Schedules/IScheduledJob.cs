using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.Schedules;

/// <summary>
/// Work a timer starts: on every tick it starts the orchestrations now due, each under an instance id made of its slot,
/// so a second tick, a second host or a restart finds the instance and starts nothing. The local host ticks every
/// <see cref="ScheduleOptions.TickSeconds"/>; on Azure a timer trigger per job does (functions/FunctionsApp/ScheduleFunctions).
/// </summary>
internal interface IScheduledJob
{
    string Name { get; }

    Task<ScheduleTick> TickAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>What one tick did: the instances it started, and for everything it did not start, why.</summary>
internal sealed record ScheduleTick(string Job, IReadOnlyList<string> Started, IReadOnlyList<string> NotStarted);
