using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace RagnarokOps.Functions.Management;

/// <summary>Starting an instance exactly once under a chosen id: cases, note commands and scheduled slots.</summary>
internal static class InstanceStarts
{
    private static readonly IReadOnlyList<string> Every = Enum.GetNames<OrchestrationRuntimeStatus>();

    /// <summary>Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> unless that instance exists in any state; true when this call started it.</summary>
    public static async Task<bool> StartOnceAsync(DurableTaskClient client, string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(orchestrator), input, new StartOrchestrationOptions(instanceId) { DedupeStatuses = Every }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (InstanceConflict.IsAlreadyExists(ex))
        {
            // Another delivery, tick or host raced past the lookup and started it.
            return false;
        }
    }

    /// <summary>An instance id part from a project path: letters, digits, '.', '-' and '_' kept, the rest '+'.</summary>
    public static string Key(string value) =>
        string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '+'));

    /// <summary>A slot as it appears in instance ids, e.g. <c>20261207T1000Z</c>.</summary>
    public static string Slot(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
