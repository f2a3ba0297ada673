using System.Text.Json;
using RagnarokOps.Connectors.Artifacts;
using RagnarokOps.Domain.Escalations;

namespace RagnarokOps.Activities.Duplicates;

/// <summary>
/// The cases the duplicate check remembers: one small JSON artifact per case under the artifact store's
/// <see cref="CaseId"/>, so each case writes only its own entry and no two writers share a file.
/// </summary>
internal sealed class CaseIndex(IArtifactStore store)
{
    public const string CaseId = "case-index";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<CaseRecord>();
        foreach (var info in await store.ListAsync(CaseId, cancellationToken))
        {
            if (await store.GetAsync(CaseId, info.Name, cancellationToken) is { } artifact
                && JsonSerializer.Deserialize<CaseRecord>(artifact.Content.Span, Json) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    public async Task<CaseRecord?> FindAsync(string instanceId, CancellationToken cancellationToken) =>
        await store.GetAsync(CaseId, NameOf(instanceId), cancellationToken) is { } artifact
            ? JsonSerializer.Deserialize<CaseRecord>(artifact.Content.Span, Json)
            : null;

    /// <summary>Writes (or replaces) the case's entry; writing the same entry twice leaves one.</summary>
    public Task PutAsync(CaseRecord record, CancellationToken cancellationToken) =>
        store.PutAsync(CaseId, NameOf(record.InstanceId), JsonSerializer.SerializeToUtf8Bytes(record, Json), "application/json", cancellationToken);

    private static string NameOf(string instanceId) => instanceId + ".json";
}
