namespace RagnarokOps.Connectors.Artifacts;

/// <summary>
/// Where a case's artifacts live (evidence bundle, timeline, replay output, report): a folder by default,
/// Azure Blob Storage (or Azurite) when <c>AzureWebJobsStorage</c> names one. Artifacts are addressed by case
/// id and name; a put replaces what was there, so activities that run twice write the same result.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores (or replaces) an artifact. Idempotent: putting the same bytes twice leaves one artifact.</summary>
    Task<ArtifactInfo> PutAsync(string caseId, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The artifact, or null when there is none by that name.</summary>
    Task<Artifact?> GetAsync(string caseId, string name, CancellationToken cancellationToken);

    /// <summary>The case's artifacts, ordered by name.</summary>
    Task<IReadOnlyList<ArtifactInfo>> ListAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Deletes an artifact; false when there was none.</summary>
    Task<bool> DeleteAsync(string caseId, string name, CancellationToken cancellationToken);
}

/// <summary>What is known about a stored artifact without reading it.</summary>
public sealed record ArtifactInfo(string CaseId, string Name, string ContentType, long Length, DateTimeOffset? LastModified);

/// <summary>An artifact's description and bytes.</summary>
public sealed record Artifact(ArtifactInfo Info, ReadOnlyMemory<byte> Content);
