using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RagnarokOps.Domain.Probes;

namespace RagnarokOps.Connectors.Probes;

/// <summary>
/// Probe history in an Azure Table (Azurite locally): partition = target, row key = the round's slot in reverse ticks,
/// so a partition query reads newest first and the same round written twice is one row.
/// </summary>
internal sealed class TableProbeHistory(TableClient table) : IProbeHistory
{
    private int _created;

    public async Task AppendAsync(IReadOnlyList<ProbeHistoryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            try
            {
                await table.AddEntityAsync(ToEntity(entry), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // A retried activity: the round's row is there already.
            }
        }
    }

    public async Task<IReadOnlyList<ProbeHistoryEntry>> LatestAsync(string target, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ProbeHistoryEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(target)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(count, 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(entity));
            if (rows.Count >= count)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Table keys may not hold '/', '\', '#', '?' or control characters; those become '~' and their code.</summary>
    internal static string PartitionKey(string target) =>
        string.Concat(target.Select(c => c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c) ? $"~{(int)c:x2}" : c.ToString()));

    internal static string RowKey(DateTimeOffset roundAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - roundAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created) == 0)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }
    }

    private static TableEntity ToEntity(ProbeHistoryEntry entry) => new(PartitionKey(entry.Target), RowKey(entry.RoundAt))
    {
        ["Target"] = entry.Target,
        ["RoundId"] = entry.RoundId,
        ["RoundAt"] = entry.RoundAt,
        ["Ok"] = entry.Result.Ok,
        ["LatencyMs"] = entry.Result.LatencyMs,
        ["Detail"] = entry.Result.Detail,
        ["ObservedAt"] = entry.Result.ObservedAt,
        ["ConsecutiveFailures"] = entry.State.ConsecutiveFailures,
        ["Open"] = entry.State.Open,
        ["RecentFailures"] = JsonSerializer.Serialize(entry.State.RecentFailures),
        ["FailingSince"] = entry.State.FailingSince,
    };

    private static ProbeHistoryEntry FromEntity(TableEntity e)
    {
        var target = e.GetString("Target");
        var roundAt = e.GetDateTimeOffset("RoundAt") ?? default;
        var result = new ProbeResult(target, e.GetBoolean("Ok") ?? false, e.GetInt64("LatencyMs") ?? 0, e.GetString("Detail") ?? string.Empty, e.GetDateTimeOffset("ObservedAt") ?? default);
        var recent = JsonSerializer.Deserialize<List<string>>(e.GetString("RecentFailures") ?? "[]") ?? [];
        var state = new ProbeState(e.GetInt32("ConsecutiveFailures") ?? 0, e.GetBoolean("Open") ?? false, roundAt, recent, e.GetDateTimeOffset("FailingSince"));
        return new ProbeHistoryEntry(target, e.GetString("RoundId"), roundAt, result, state);
    }
}
