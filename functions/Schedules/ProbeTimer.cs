using Microsoft.DurableTask.Client;
using RagnarokOps.Connectors.Probes;
using RagnarokOps.Domain.Probes;
using RagnarokOps.Functions.Management;
using RagnarokOps.Orchestrations.Probes;

namespace RagnarokOps.Functions.Schedules;

/// <summary>One probe round per minute slot, as <c>probe-round-&lt;yyyyMMddTHHmmZ&gt;</c>; a second tick or host in the same minute starts nothing, and a host without targets starts none. Needs no GitLab.</summary>
internal sealed class ProbeTimer(IConfiguration configuration) : IScheduledJob
{
    public const string JobName = "ProbeSchedule";

    public string Name => JobName;

    /// <summary>The instance id of the round of the minute that holds <paramref name="now"/>.</summary>
    public static string InstanceId(DateTimeOffset now) => $"probe-round-{InstanceStarts.Slot(SlotOf(now))}";

    public async Task<ScheduleTick> TickAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slot = SlotOf(now);
        var id = InstanceId(now);

        // No targets, no rounds: a host that watches nothing fills no history with empty rounds, and says why.
        // Projects may list probes in their policies, which only the round reads (it needs GitLab), so they start one.
        if (ProbeTargetSettings.Read(configuration) is { Targets.Count: 0 } set && ProbeTargetSettings.Projects(configuration).Count == 0)
        {
            var why = set.Problems.Count > 0 ? string.Join("; ", set.Problems) : "no probe targets configured (Ragnarok:Probes:Targets, or probes: in the policies of Ragnarok:Probes:Projects)";
            return new ScheduleTick(Name, [], [$"no probe round for {slot:u}: {why}"]);
        }

        var started = await InstanceStarts.StartOnceAsync(
            client, ProbeRoundOrchestration.Name, id, new ProbeRoundRequest(InstanceStarts.Slot(slot), slot), cancellationToken).ConfigureAwait(false);
        return started ? new ScheduleTick(Name, [$"probe round for {slot:u} ({id})"], []) : new ScheduleTick(Name, [], [$"the probe round for {slot:u} already ran ({id})"]);
    }

    private static DateTimeOffset SlotOf(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }
}
